-- A corrected catalogue updates indicators in place by code, so actuals that reference them stay
-- attached; an indicator that comes back after being retired counts again.
INSERT INTO indicator (code, document_id, task_seq, position, name, target, unit, comparator, deadline, kind, source, retired_at)
SELECT i.code, $id, i.task_seq, i.position, i.name, i.value, i.unit, i.comparator, CAST(i.deadline AS DATE), i.kind, i.source, NULL
FROM (
  SELECT unnest(from_json($indicators,
    '[{"code":"VARCHAR","task_seq":"INTEGER","position":"INTEGER","name":"VARCHAR","value":"DOUBLE","unit":"VARCHAR","comparator":"VARCHAR","deadline":"VARCHAR","kind":"VARCHAR","source":"VARCHAR"}]')) AS i
)
ON CONFLICT (code) DO UPDATE SET
  document_id = excluded.document_id, task_seq = excluded.task_seq, position = excluded.position,
  name = excluded.name, target = excluded.target, unit = excluded.unit, comparator = excluded.comparator,
  deadline = excluded.deadline, kind = excluded.kind, source = excluded.source, retired_at = NULL
