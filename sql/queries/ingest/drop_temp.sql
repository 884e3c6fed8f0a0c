DROP TABLE IF EXISTS ingest_raw; DROP TABLE IF EXISTS ingest_lines; DROP TABLE IF EXISTS ingest_staged;
DROP TABLE IF EXISTS ingest_checked; DROP TABLE IF EXISTS ingest_rejects; DROP TABLE IF EXISTS ingest_scans
