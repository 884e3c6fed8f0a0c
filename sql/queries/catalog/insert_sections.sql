INSERT INTO section (document_id, no, part_no, title)
SELECT $id, s.no, s.part, s.title
FROM (SELECT unnest(from_json($sections, '[{"no":"INTEGER","part":"INTEGER","title":"VARCHAR"}]')) AS s)
