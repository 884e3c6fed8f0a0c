-- Every document with its newest version, and whether an edition of it is live.
SELECT v.document_id AS id, v.state, v.origin, v.created_by, v.created_at, v.file_name,
  json_extract_string(v.catalog, '$.document.title') AS title,
  CAST(json_extract(v.catalog, '$.document.year') AS INTEGER) AS year,
  d.id IS NOT NULL AS live,
  (SELECT count(*) FROM document_version w WHERE w.document_id = v.document_id) AS versions
FROM document_version v
LEFT JOIN document d ON d.id = v.document_id
WHERE v.id = (SELECT max(id) FROM document_version w WHERE w.document_id = v.document_id)
ORDER BY v.created_at DESC, v.document_id
