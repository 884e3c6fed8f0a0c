DELETE FROM document_headline WHERE document_id = $id
