-- A document's tasks with their departments (first named first; a draft's task may have none yet).
SELECT t.seq, t.part_no, t.section_no, t.text, t.department_mode, t.lead,
  coalesce(list(td.department ORDER BY td.position) FILTER (WHERE td.department IS NOT NULL), []) AS departments
FROM task t
LEFT JOIN task_department td ON td.document_id = t.document_id AND td.task_seq = t.seq
WHERE t.document_id = $id
GROUP BY t.seq, t.part_no, t.section_no, t.text, t.department_mode, t.lead
ORDER BY t.seq
