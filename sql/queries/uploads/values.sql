-- The values an upload brought, with the indicator they are for, and its regional targets
-- (类型 = 目标, series 'target', no period).
SELECT * FROM (
  SELECT a.line, a.indicator_code AS code, i.name AS indicator_name, i.unit, a.region,
    strftime(a.period, '%Y-%m-%d') AS period, a.series, a.value, a.basis, a.milestone_status, a.note
  FROM actual a
  JOIN indicator i ON i.code = a.indicator_code
  WHERE a.upload_id = $id
  UNION ALL
  SELECT t.line, t.indicator_code, i.name, i.unit, t.region, NULL, 'target', t.value, NULL, NULL, t.note
  FROM target_value t
  JOIN indicator i ON i.code = t.indicator_code
  WHERE t.upload_id = $id
)
ORDER BY line
LIMIT $limit
