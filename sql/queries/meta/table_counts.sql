-- Every table of the database with its row count, for backup manifests and restore checks.
SELECT table_name AS name, estimated_size AS estimated
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
ORDER BY table_name
