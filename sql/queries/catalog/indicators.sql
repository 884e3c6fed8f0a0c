-- Retired indicators keep their history but are no longer part of the document's targets.
SELECT i.code, i.task_seq, i.name, i.target, i.unit, i.comparator, i.deadline, i.kind, i.source
FROM indicator i
WHERE i.document_id = $id AND i.retired_at IS NULL
ORDER BY i.task_seq, i.position
