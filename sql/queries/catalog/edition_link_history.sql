-- Every decision on the family links of $document's indicators, newest first (who, when, old → new).
SELECT l.id, l.code, i.name, l.previous_code, l.decision, l.old_previous_code, l.decided_by, l.decided_at
FROM edition_link l
JOIN indicator i ON i.code = l.code
WHERE i.document_id = $document
ORDER BY l.decided_at DESC, l.id DESC
