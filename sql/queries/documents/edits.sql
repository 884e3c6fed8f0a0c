SELECT id, item, field, old_value, new_value, edited_by, edited_at
FROM document_edit
WHERE document_id = $id
ORDER BY id DESC
