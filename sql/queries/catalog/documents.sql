-- Latest document first: the app opens on it.
SELECT d.id, d.title, d.year,
  (SELECT count(*) FROM task t WHERE t.document_id = d.id) AS tasks,
  (SELECT count(*) FROM indicator i WHERE i.document_id = d.id AND i.retired_at IS NULL) AS indicators
FROM document d
ORDER BY d.year DESC, d.loaded_at DESC, d.id
