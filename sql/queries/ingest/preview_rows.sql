-- What the upload would change: every revision first (old → new), then new values, in line order.
-- The first $limit rows are found first; only they are given their indicator's name and unit and
-- the value as written (cell: the staged row), and their period as text.
SELECT k.line, k.code, i.name AS indicator_name, i.unit, k.region, strftime(k.period, '%Y-%m-%d') AS period, k.series,
  s.value_raw, k.value, k.basis, k.milestone_status, k.note, k.change, k.old_value, k.old_status
FROM (
  SELECT * FROM ingest_compared WHERE change <> 'unchanged' ORDER BY change = 'revised' DESC, line, cell LIMIT $limit
) k
JOIN indicator i ON i.code = k.code
JOIN ingest_staged s ON s.rowid = k.cell
ORDER BY k.change = 'revised' DESC, k.line, k.cell
