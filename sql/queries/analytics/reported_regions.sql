-- The regions a document has values for (全省 first, then in the region table's order).
SELECT DISTINCT a.region, coalesce(r.position, 1000000) AS position
FROM actual a
JOIN indicator i ON i.code = a.indicator_code
LEFT JOIN region r ON r.name = a.region
WHERE i.document_id = $document
ORDER BY position, a.region
