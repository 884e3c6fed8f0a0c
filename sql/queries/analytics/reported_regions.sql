-- The regions a document has values for (全省 first, then in the region table's order). The
-- thousands of regions are found first, then placed: not millions of values joined.
SELECT v.region, coalesce(r.position, 1000000) AS position
FROM (SELECT DISTINCT a.region FROM actual a JOIN indicator i ON i.code = a.indicator_code
  WHERE i.document_id = $document) v
LEFT JOIN region r ON r.name = v.region
ORDER BY position, v.region
