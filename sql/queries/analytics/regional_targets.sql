-- 目标分解 of one indicator in force at $asof, as known at $known: each region's own target and
-- where it came from (an administrator's revision, or an upload's 类型 = 目标 row), in the region
-- table's order (sql/macros/35_terms.sql).
SELECT t.region, t.target, t.source, t.source_id
FROM tz_regional_targets(CAST($known AS TIMESTAMPTZ), $document, [CAST($asof AS DATE)]) t
LEFT JOIN region r ON r.name = t.region
WHERE t.code = $code
ORDER BY r.position NULLS LAST, t.region
