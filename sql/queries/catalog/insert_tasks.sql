INSERT INTO task (document_id, seq, part_no, section_no, text, department_mode, lead)
SELECT $id, t.seq, t.part, t.section, t.text, t.departmentMode, t.lead
FROM (
  SELECT unnest(from_json($tasks,
    '[{"seq":"INTEGER","part":"INTEGER","section":"INTEGER","text":"VARCHAR","departmentMode":"VARCHAR","lead":"VARCHAR"}]')) AS t
)
