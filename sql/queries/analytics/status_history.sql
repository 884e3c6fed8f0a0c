-- How many of the indicators $codes were in each status at each month end of $asofs, as known at
-- $known, for the province: the status-over-time chart, in one query however many months.
SELECT strftime(as_of, '%Y-%m-%d') AS period, status, count(*) AS count
FROM tz_indicator_status(CAST($known AS TIMESTAMPTZ), $document, ['全省'], $asofs,
  $behind, $far_behind, $stale_months, pending := $pending, pending_scope := $pending_scope)
WHERE list_contains($codes, code)
GROUP BY as_of, status
ORDER BY as_of, status
