-- The latest correction of each field of each indicator of a document (the province's own; a
-- regional target never changes the catalogue).
SELECT c.code, c.field, c.new_value
FROM indicator_correction c
JOIN indicator i ON i.code = c.code
WHERE i.document_id = $id AND c.region IS NULL
QUALIFY row_number() OVER (PARTITION BY c.code, c.field ORDER BY c.id DESC) = 1
