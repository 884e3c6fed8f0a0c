-- The structure of a document is replaced whole when its reviewed catalogue changes.
DELETE FROM section WHERE document_id = $id
