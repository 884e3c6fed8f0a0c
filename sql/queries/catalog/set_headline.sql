INSERT INTO document_headline (document_id, position, code)
SELECT $id, CAST(generate_subscripts(codes, 1) AS INTEGER), unnest(codes)
FROM (SELECT CAST(from_json($headline, '["VARCHAR"]') AS VARCHAR[]) AS codes)
