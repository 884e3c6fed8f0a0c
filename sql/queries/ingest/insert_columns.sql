-- The headers of one staged table, by the lines its rows have ($line_from to before $line_to):
-- the column each problem of those rows is reported against.
INSERT INTO ingest_columns VALUES ($line_from, $line_to, $indicator, $period, $region, $note, $basis, $status, $series)
