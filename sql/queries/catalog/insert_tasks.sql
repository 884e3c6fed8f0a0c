INSERT INTO task (document_id, seq, part_no, section_no, text, department_mode)
SELECT $id, t.seq, t.part, t.section, t.text, t.departmentMode
FROM (
  SELECT unnest(from_json($tasks,
    '[{"seq":"INTEGER","part":"INTEGER","section":"INTEGER","text":"VARCHAR","departmentMode":"VARCHAR"}]')) AS t
)
