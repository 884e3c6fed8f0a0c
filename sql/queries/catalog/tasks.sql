SELECT t.seq, t.part_no, t.section_no, t.text, t.department_mode,
  list(td.department ORDER BY td.position) AS departments
FROM task t
JOIN task_department td ON td.document_id = t.document_id AND td.task_seq = t.seq
WHERE t.document_id = $id
GROUP BY t.seq, t.part_no, t.section_no, t.text, t.department_mode
ORDER BY t.seq
