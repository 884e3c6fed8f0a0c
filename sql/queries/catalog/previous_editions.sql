-- Each indicator of $document with its family in the previous edition (the latest document of an
-- earlier year among $documents, the ones readers may see). The matcher suggests the indicator of
-- the same name and unit, or else the most similar name (Jaro-Winkler ≥ 0.85) of the same unit and
-- kind whose task shares a department: one per indicator, none when nothing is close. An
-- administrator's latest decision recorded by $known (edition_link) wins over it: a confirmed or
-- chosen indicator, or none. One row per indicator of $document; previous_code NULL: no family.
-- $codes (a list, or NULL for all) keeps only those indicators: an indicator page asks for its own
-- link without scoring every other pair.
WITH current_doc AS (
  SELECT id, year FROM document WHERE id = $document
),
previous_doc AS (
  SELECT d.id, d.year FROM document d, current_doc c
  WHERE d.year < c.year AND list_contains($documents, d.id)
  ORDER BY d.year DESC, d.id
  LIMIT 1
),
mine AS (
  SELECT * FROM indicator
  WHERE document_id = $document AND ($codes IS NULL OR list_contains($codes, code))
),
departments AS (
  SELECT i.code, list(td.department) AS names
  FROM indicator i
  JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
  WHERE i.code IN (SELECT code FROM mine) OR i.document_id IN (SELECT id FROM previous_doc)
  GROUP BY i.code
),
candidates AS (
  SELECT c.code, p.code AS previous_code,
    CASE WHEN c.name = p.name THEN 2.0 ELSE jaro_winkler_similarity(c.name, p.name) END AS score,
    len(list_intersect(coalesce(dc.names, []), coalesce(dp.names, []))) > 0 AS shares_department
  FROM mine c
  CROSS JOIN previous_doc pd
  JOIN indicator p ON p.document_id = pd.id AND coalesce(p.unit, '') = coalesce(c.unit, '') AND p.kind = c.kind
  LEFT JOIN departments dc ON dc.code = c.code
  LEFT JOIN departments dp ON dp.code = p.code
),
suggested AS (
  SELECT code, previous_code, score FROM candidates
  WHERE score = 2.0 OR (score >= 0.85 AND shares_department)
  QUALIFY row_number() OVER (PARTITION BY code ORDER BY score DESC, previous_code) = 1
),
decided AS (
  SELECT l.* FROM edition_link l
  WHERE l.code IN (SELECT code FROM mine) AND l.decided_at <= CAST($known AS TIMESTAMPTZ)
  QUALIFY row_number() OVER (PARTITION BY l.code ORDER BY l.decided_at DESC, l.id DESC) = 1
),
linked AS (
  SELECT m.code, m.name, m.task_seq, m.goal_no, m.position, s.previous_code AS suggested_code, s.score,
    l.decision, l.decided_by, l.decided_at,
    CASE WHEN l.code IS NOT NULL THEN l.previous_code ELSE s.previous_code END AS chosen_code
  FROM mine m
  LEFT JOIN suggested s ON s.code = m.code
  LEFT JOIN decided l ON l.code = m.code
)
-- A decided indicator counts only while its document is one readers may see, of an earlier year.
SELECT k.code, k.name, p.code AS previous_code, p.document_id AS previous_document, pd.year AS previous_year,
  k.suggested_code, k.score,
  CASE WHEN p.code IS NULL THEN NULL WHEN k.decision IS NOT NULL THEN k.decision
    WHEN k.score = 2.0 THEN 'name' ELSE 'similar' END AS basis,
  k.decision, k.decided_by, k.decided_at
FROM linked k
LEFT JOIN (indicator p JOIN document pd ON pd.id = p.document_id
    AND list_contains($documents, pd.id) AND pd.year < (SELECT year FROM current_doc))
  ON p.code = k.chosen_code
ORDER BY k.task_seq NULLS LAST, k.goal_no, k.position, k.code
