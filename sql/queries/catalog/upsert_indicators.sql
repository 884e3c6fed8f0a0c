-- A corrected catalogue updates indicators in place by code, so actuals that reference them stay
-- attached; an indicator that comes back after being retired counts again. A task's indicators
-- carry task_seq, a goal's carry goal_no.
INSERT INTO indicator (code, document_id, task_seq, goal_no, position, name, target, unit, comparator, deadline,
  kind, recurrence, source, retired_at)
SELECT i.code, $id, i.task_seq, i.goal_no, i.position, i.name, i.value, i.unit, i.comparator,
  CAST(i.deadline AS DATE), i.kind, i.recurrence, i.source, NULL
FROM (
  SELECT unnest(from_json($indicators,
    '[{"code":"VARCHAR","task_seq":"INTEGER","goal_no":"INTEGER","position":"INTEGER","name":"VARCHAR","value":"DOUBLE","unit":"VARCHAR","comparator":"VARCHAR","deadline":"VARCHAR","kind":"VARCHAR","recurrence":"VARCHAR","source":"VARCHAR"}]')) AS i
)
ON CONFLICT (code) DO UPDATE SET
  document_id = excluded.document_id, task_seq = excluded.task_seq, goal_no = excluded.goal_no,
  position = excluded.position, name = excluded.name, target = excluded.target, unit = excluded.unit,
  comparator = excluded.comparator, deadline = excluded.deadline, kind = excluded.kind,
  recurrence = excluded.recurrence, source = excluded.source, retired_at = NULL
