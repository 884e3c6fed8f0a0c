INSERT INTO part (document_id, no, title)
SELECT $id, p.no, p.title
FROM (SELECT unnest(from_json($parts, '[{"no":"INTEGER","title":"VARCHAR"}]')) AS p)
