-- Latest document first: the app opens on it. last_year: the last year it covers — its own, or the
-- latest deadline of its indicators (a five-year plan's 到2025年), the span of its as-of months.
SELECT d.id, d.title, d.year,
  greatest(d.year, coalesce((SELECT max(year(i.deadline)) FROM indicator i
    WHERE i.document_id = d.id AND i.retired_at IS NULL), d.year)) AS last_year,
  (SELECT count(*) FROM task t WHERE t.document_id = d.id) AS tasks,
  (SELECT count(*) FROM indicator i WHERE i.document_id = d.id AND i.retired_at IS NULL) AS indicators
FROM document d
ORDER BY d.year DESC, d.loaded_at DESC, d.id
