-- A cumulative figure (累计) of a count that falls below an earlier month's in the same file and
-- year: most often monthly amounts in a column read as cumulative (1月…6月 with no 当月 or 累计 in the
-- header). A warning on the line that falls, so the clerk says which it is. Most files have none:
-- the keys whose latest figure is not their largest, or whose first is not their smallest, are
-- found in one grouped pass first (a list of each key's figures in order, to test them all, cost
-- half a second of a million-row file), and only their rows are ordered. A fall between a first
-- that is the smallest and a latest that is the largest goes unseen.
UPDATE ingest_checked SET w_value = 'cumulative_down'
FROM (
  SELECT cell FROM (
    SELECT c.cell, c.number,
      max(c.number) OVER (PARTITION BY c.code, c.region, c.series, year(c.period) ORDER BY c.period
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
    FROM ingest_checked c
    SEMI JOIN (
      SELECT code, region, series, year(period) AS year
      FROM ingest_checked
      WHERE basis = 'cumulative' AND number IS NOT NULL AND period IS NOT NULL AND NOT has_error
        AND code IN (SELECT code FROM indicator WHERE kind = 'count')
      GROUP BY ALL
      HAVING arg_max(number, period) < max(number) OR arg_min(number, period) > min(number)
    ) k ON k.code = c.code AND k.region = c.region AND k.series = c.series AND k.year = year(c.period)
    WHERE c.basis = 'cumulative' AND c.number IS NOT NULL AND NOT c.has_error
  )
  WHERE number < earlier
) d
WHERE ingest_checked.cell = d.cell AND ingest_checked.w_value IS NULL
