SELECT
  (SELECT count(*) FROM ingest_lines) AS lines,
  (SELECT count(*) FROM ingest_checked) AS cells,
  (SELECT count(*) FROM ingest_checked WHERE blank) AS blank,
  (SELECT count(*) FROM ingest_compared WHERE change = 'new') AS new,
  (SELECT count(*) FROM ingest_compared WHERE change = 'revised') AS revised,
  (SELECT count(*) FROM ingest_compared WHERE change = 'unchanged') AS unchanged,
  -- A row's own cells count once per row (problems.sql raises them once); a value or period once per cell.
  (SELECT count(DISTINCT (line, e_indicator)) FILTER (WHERE e_indicator IS NOT NULL) + count(e_period)
     + count(DISTINCT (line, e_region)) FILTER (WHERE e_region IS NOT NULL) + count(e_value)
     + count(DISTINCT (line, e_basis)) FILTER (WHERE e_basis IS NOT NULL)
     + count(DISTINCT (line, e_series)) FILTER (WHERE e_series IS NOT NULL)
     + count(DISTINCT (line, e_note)) FILTER (WHERE e_note IS NOT NULL)
     + count(DISTINCT (line, first_line)) FILTER (WHERE first_line <> line)
   FROM ingest_checked) AS errors,
  (SELECT count(w_value) FROM ingest_checked) AS warnings
