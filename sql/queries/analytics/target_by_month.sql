-- The target of one indicator in force at each month end of $asofs, as known at $known: what the
-- progress chart draws as the target line (a step where a revision took effect).
SELECT strftime(as_of, '%Y-%m-%d') AS period, target
FROM tz_indicator_terms(CAST($known AS TIMESTAMPTZ), $document, $asofs)
WHERE code = $code
ORDER BY as_of
