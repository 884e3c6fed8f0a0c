-- The departments responsible for an indicator (those of its task).
SELECT td.department
FROM indicator i
JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
WHERE i.code = $code
ORDER BY td.position
