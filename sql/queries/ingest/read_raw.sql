-- Every column read as text (auto-detection off), so a stray value never changes a column's type;
-- malformed lines (too few or too many fields) go to ingest_rejects with their line numbers.
-- $skip records (title rows, the header) come before the data: the front stage found the table.
CREATE OR REPLACE TEMP TABLE ingest_raw AS
SELECT row_number() OVER () AS rn, *
FROM read_csv($file,
  header = false, skip = $skip, delim = $delimiter, quote = '"', escape = '"', auto_detect = false,
  columns = $columns, store_rejects = true,
  rejects_table = 'ingest_rejects', rejects_scan = 'ingest_scans', max_line_size = 67108864)
