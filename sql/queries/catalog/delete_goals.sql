DELETE FROM goal WHERE document_id = $id
