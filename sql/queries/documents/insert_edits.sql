INSERT INTO document_edit (id, document_id, version_id, item, field, old_value, new_value, edited_by, edited_at)
SELECT nextval('document_edit_id_seq'), $document_id, $version_id, e.item, e.field, e.old, e.new, $by, now()
FROM (SELECT unnest(from_json($edits, '[{"item":"VARCHAR","field":"VARCHAR","old":"VARCHAR","new":"VARCHAR"}]')) AS e)
