-- Retired indicators keep their history but are no longer part of the document's targets. Task
-- indicators first, in document order, then the goals'.
SELECT i.code, i.task_seq, i.goal_no, i.name, i.target, i.unit, i.comparator, i.deadline, i.kind, i.recurrence, i.source
FROM indicator i
WHERE i.document_id = $id AND i.retired_at IS NULL
ORDER BY i.task_seq NULLS LAST, i.goal_no, i.position
