SELECT CAST(line AS INTEGER) AS line, error_type, csv_line, CAST(column_idx AS INTEGER) AS column_idx
FROM ingest_rejects
ORDER BY line
LIMIT $limit
