-- Each indicator of $document linked to its family in the previous edition (the latest document
-- of an earlier year among $documents, the ones readers may see): the indicator of the same name
-- and unit, or else the most similar name (Jaro-Winkler ≥ 0.85) of the same unit and kind whose
-- task shares a department. One previous indicator per indicator; none when nothing is close.
-- $codes (a list, or NULL for all) keeps only those indicators of $document: an indicator page asks
-- for its own link without scoring every other pair.
WITH current_doc AS (
  SELECT id, year FROM document WHERE id = $document
),
previous_doc AS (
  SELECT d.id, d.year FROM document d, current_doc c
  WHERE d.year < c.year AND list_contains($documents, d.id)
  ORDER BY d.year DESC, d.id
  LIMIT 1
),
departments AS (
  SELECT i.code, list(td.department) AS names
  FROM indicator i
  JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
  WHERE (i.document_id = $document AND ($codes IS NULL OR list_contains($codes, i.code)))
    OR i.document_id IN (SELECT id FROM previous_doc)
  GROUP BY i.code
),
candidates AS (
  SELECT c.code, p.code AS previous_code, pd.id AS previous_document, pd.year AS previous_year,
    CASE WHEN c.name = p.name THEN 2.0 ELSE jaro_winkler_similarity(c.name, p.name) END AS score,
    len(list_intersect(coalesce(dc.names, []), coalesce(dp.names, []))) > 0 AS shares_department
  FROM indicator c
  CROSS JOIN previous_doc pd
  JOIN indicator p ON p.document_id = pd.id AND coalesce(p.unit, '') = coalesce(c.unit, '') AND p.kind = c.kind
  LEFT JOIN departments dc ON dc.code = c.code
  LEFT JOIN departments dp ON dp.code = p.code
  WHERE c.document_id = $document AND ($codes IS NULL OR list_contains($codes, c.code))
)
SELECT code, previous_code, previous_document, previous_year, score
FROM candidates
WHERE score = 2.0 OR (score >= 0.85 AND shares_department)
QUALIFY row_number() OVER (PARTITION BY code ORDER BY score DESC, previous_code) = 1
