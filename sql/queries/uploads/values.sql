-- The values an upload brought, with the indicator they are for.
SELECT a.line, a.indicator_code AS code, i.name AS indicator_name, i.unit, a.region,
  strftime(a.period, '%Y-%m-%d') AS period, a.series, a.value, a.basis, a.milestone_status, a.note
FROM actual a
JOIN indicator i ON i.code = a.indicator_code
WHERE a.upload_id = $id
ORDER BY a.line
LIMIT $limit
