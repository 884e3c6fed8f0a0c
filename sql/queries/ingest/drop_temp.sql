DROP TABLE IF EXISTS ingest_raw; DROP TABLE IF EXISTS ingest_lines; DROP TABLE IF EXISTS ingest_staged;
DROP TABLE IF EXISTS ingest_checked; DROP TABLE IF EXISTS ingest_rejects; DROP TABLE IF EXISTS ingest_scans;
DROP TABLE IF EXISTS ingest_names; DROP TABLE IF EXISTS ingest_row_units;
DROP TABLE IF EXISTS ingest_scale; DROP TABLE IF EXISTS ingest_targets; DROP TABLE IF EXISTS ingest_staged_all;
DROP TABLE IF EXISTS ingest_lines_all; DROP TABLE IF EXISTS ingest_columns;
DROP TABLE IF EXISTS ingest_indicator_texts; DROP TABLE IF EXISTS ingest_region_texts
