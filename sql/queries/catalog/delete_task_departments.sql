-- The structure of a document is replaced whole when its reviewed catalogue changes.
DELETE FROM task_department WHERE document_id = $id
