-- The file line of each row read: rejected lines take their numbers out of the sequence, so the
-- rows after them still point at the right line. $first_line is the first data record's line (2
-- when the header is line 1; a workbook's later sheets add their offset, see src/ingest/source.ts).
CREATE OR REPLACE TEMP TABLE ingest_lines AS
WITH bad AS (SELECT DISTINCT CAST(line AS BIGINT) AS line FROM ingest_rejects),
all_lines AS (
  SELECT range AS line
  FROM range($first_line, (SELECT count(*) FROM ingest_raw) + (SELECT count(*) FROM bad) + $first_line)
)
SELECT row_number() OVER (ORDER BY line) AS rn, CAST(line AS INTEGER) AS line
FROM all_lines
WHERE line NOT IN (SELECT line FROM bad)
