INSERT INTO goal (document_id, no, title, text)
SELECT $id, g.no, g.title, g.text
FROM (SELECT unnest(from_json($goals, '[{"no":"INTEGER","title":"VARCHAR","text":"VARCHAR"}]')) AS g)
