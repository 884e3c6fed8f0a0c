-- Indicators of a document for an upload template, optionally of some departments only ($departments, a list).
SELECT i.code, i.task_seq, i.name, i.target, i.unit, i.comparator, strftime(i.deadline, '%Y-%m-%d') AS deadline,
  i.kind, i.source
FROM indicator i
WHERE i.document_id = $document AND i.retired_at IS NULL
  AND ($departments IS NULL OR EXISTS (
    SELECT 1 FROM task_department td
    WHERE td.document_id = i.document_id AND td.task_seq = i.task_seq AND list_contains($departments, td.department)))
ORDER BY i.task_seq, i.position
