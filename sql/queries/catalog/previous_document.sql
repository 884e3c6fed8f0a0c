-- The previous edition of $document: the latest document of an earlier year (the same rule as
-- previous_editions.sql's previous_doc, over every published document).
SELECT d.id, d.title, d.year
FROM document d, (SELECT year FROM document WHERE id = $document) c
WHERE d.year < c.year
ORDER BY d.year DESC, d.id
LIMIT 1
