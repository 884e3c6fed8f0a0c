-- The departments of an indicator's task, the first named (the lead) first.
SELECT list(td.department ORDER BY td.position) AS departments
FROM indicator i
JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
WHERE i.code = $code
