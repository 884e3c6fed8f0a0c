-- The headers of the staged tables (one row per table, from its first line on: see insert_columns.sql).
CREATE OR REPLACE TEMP TABLE ingest_columns (
  line_from INTEGER, indicator_column VARCHAR, period_column VARCHAR, region_column VARCHAR,
  note_column VARCHAR, basis_column VARCHAR, status_column VARCHAR, series_column VARCHAR
)
