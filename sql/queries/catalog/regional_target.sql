-- The latest target set for one region of an indicator (目标分解), whatever its effective date.
SELECT TRY_CAST(new_value AS DOUBLE) AS target
FROM indicator_correction
WHERE code = $code AND region = $region AND field = 'target'
ORDER BY id DESC
LIMIT 1
