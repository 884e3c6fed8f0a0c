-- Every department of a document, in the order it first appears, with what it is responsible for.
SELECT td.department AS name,
  count(DISTINCT td.task_seq) AS tasks,
  count(DISTINCT i.code) AS indicators,
  min(td.task_seq) AS first_task
FROM task_department td
LEFT JOIN indicator i ON i.document_id = td.document_id AND i.task_seq = td.task_seq AND i.retired_at IS NULL
WHERE td.document_id = $id
GROUP BY td.department
ORDER BY first_task, name
