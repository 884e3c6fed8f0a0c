INSERT INTO upload_problem (upload_id, line, column_name, severity, code, message, found)
SELECT $upload_id, p.line, p.column_name, p.severity, p.code, p.message, p.found
FROM (
  SELECT unnest(from_json($problems,
    '[{"line":"INTEGER","column":"VARCHAR","severity":"VARCHAR","code":"VARCHAR","message":"VARCHAR","found":"VARCHAR"}]'),
    recursive := true)
) AS p (line, column_name, severity, code, message, found)
