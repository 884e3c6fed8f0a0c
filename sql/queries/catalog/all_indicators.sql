-- Indicators of every document, for the JSON API; departments in the order the task names them.
SELECT i.code, i.name, i.document_id, d.year, i.task_seq, i.target, i.unit, i.comparator,
  strftime(i.deadline, '%Y-%m-%d') AS deadline, i.kind, i.source,
  (SELECT list(td.department ORDER BY td.position) FROM task_department td
    WHERE td.document_id = i.document_id AND td.task_seq = i.task_seq) AS departments
FROM indicator i
JOIN document d ON d.id = i.document_id
WHERE i.retired_at IS NULL AND ($document IS NULL OR i.document_id = $document)
ORDER BY d.year DESC, i.document_id, i.task_seq, i.position
