-- The regions directly under $parent that a document has values for, in the region table's order,
-- each with how many regions under it have values too (the regions page drills down by prefecture).
WITH reported AS (
  SELECT DISTINCT a.region FROM actual a
  JOIN indicator i ON i.code = a.indicator_code
  WHERE i.document_id = $document
)
SELECT r.name AS region,
  (SELECT count(*) FROM region c JOIN reported rc ON rc.region = c.name WHERE c.parent = r.name) AS children
FROM region r
JOIN reported ON reported.region = r.name
WHERE r.parent = $parent
ORDER BY r.position
