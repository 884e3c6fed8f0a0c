-- A document's goal paragraphs (发展目标), in order.
SELECT no, title, text FROM goal WHERE document_id = $id ORDER BY no
