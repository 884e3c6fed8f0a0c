SELECT list(code ORDER BY position) AS headline FROM document_headline WHERE document_id = $id
