SELECT no, part_no, title FROM section WHERE document_id = $id ORDER BY no
