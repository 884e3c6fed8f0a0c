SELECT
  (SELECT count(*) FROM ingest_lines) AS lines,
  (SELECT count(*) FROM ingest_checked) AS cells,
  (SELECT count(*) FROM ingest_checked WHERE blank) AS blank,
  (SELECT count(*) FROM ingest_compared WHERE change = 'new') AS new,
  (SELECT count(*) FROM ingest_compared WHERE change = 'revised') AS revised,
  (SELECT count(*) FROM ingest_compared WHERE change = 'unchanged') AS unchanged,
  (SELECT coalesce(sum(len(errors)), 0) FROM ingest_checked)
    + (SELECT count(*) FROM ingest_checked WHERE first_line IS NOT NULL AND first_line <> line) AS errors,
  (SELECT coalesce(sum(len(warnings)), 0) FROM ingest_checked) AS warnings
