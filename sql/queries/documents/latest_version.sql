-- The document's state: its newest version.
SELECT id, document_id, state, origin, catalog, doubts, sha256, file_name, format, created_by, created_at
FROM document_version
WHERE document_id = $id
ORDER BY id DESC
LIMIT 1
