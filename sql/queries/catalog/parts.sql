SELECT no, title FROM part WHERE document_id = $id ORDER BY no
