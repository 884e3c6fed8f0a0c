-- The headers of one staged table, whose rows have lines from $line_from on (up to the next table's):
-- the column each problem of those rows is reported against.
INSERT INTO ingest_columns VALUES ($line_from, $indicator, $period, $region, $note, $basis, $status, $series)
