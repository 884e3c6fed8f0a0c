-- One indicator, retired or not (its history stays reachable by its code).
SELECT i.code, i.document_id, i.task_seq, i.goal_no, i.name, i.target, i.unit, i.comparator,
  strftime(i.deadline, '%Y-%m-%d') AS deadline, i.kind, i.recurrence, i.source, i.retired_at
FROM indicator i
WHERE i.code = $code
