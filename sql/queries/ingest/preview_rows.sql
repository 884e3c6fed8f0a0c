-- What the upload would change: every revision first (old → new), then new values, in line order.
SELECT line, code, indicator_name, unit, region, strftime(period, '%Y-%m-%d') AS period, series, value_raw, value,
  basis, milestone_status, note, change, old_value, old_status
FROM ingest_compared
WHERE change <> 'unchanged'
ORDER BY change = 'revised' DESC, line
LIMIT $limit
