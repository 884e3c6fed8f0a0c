SELECT line, column_name, severity, code, message, found
FROM upload_problem
WHERE upload_id = $id
ORDER BY line NULLS FIRST, severity, code
LIMIT $limit
