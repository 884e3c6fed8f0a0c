SELECT
  (SELECT count(*) FROM ingest_lines) AS lines,
  (SELECT count(*) FROM ingest_checked) AS cells,
  (SELECT count(*) FROM ingest_checked WHERE blank) AS blank,
  (SELECT count(*) FROM ingest_compared WHERE change = 'new') AS new,
  (SELECT count(*) FROM ingest_compared WHERE change = 'revised') AS revised,
  (SELECT count(*) FROM ingest_compared WHERE change = 'unchanged') AS unchanged,
  (SELECT count(e_indicator) + count(e_period) + count(e_region) + count(e_value) + count(e_basis) + count(e_series) + count(e_note)
     + count(DISTINCT (line, first_line)) FILTER (WHERE first_line <> line)
   FROM ingest_checked) AS errors,
  (SELECT count(w_value) FROM ingest_checked) AS warnings
