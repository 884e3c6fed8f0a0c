INSERT INTO task_department (document_id, task_seq, department, position)
SELECT $id, t.seq, d.department, d.position
FROM (
  SELECT unnest(from_json($tasks, '[{"seq":"INTEGER","departments":["VARCHAR"]}]')) AS t
), LATERAL (
  SELECT unnest(t.departments) AS department, generate_subscripts(t.departments, 1) AS position
) AS d
