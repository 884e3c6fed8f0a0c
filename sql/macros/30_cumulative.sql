-- The cumulative series of a document's indicators, as known at `known`, for each of `regions`
-- (a list: thousands of regions are one query): the series every analysis works on. A cumulative
-- report (累计) restarts the running sum; increments (当月) add up after it. Levels and coverages
-- keep their reported value (`reported`). `pending`: also the values waiting for approval (of the
-- indicators of `pending_scope`'s departments; NULL: all).
CREATE OR REPLACE MACRO tz_cumulative_regions(known, document, regions, pending := false, pending_scope := NULL) AS TABLE
  WITH counted AS (
    SELECT c.* FROM tz_current_actuals(known, document, pending := pending, pending_scope := pending_scope,
      regions := regions) c
  ),
  -- The series with a monthly increment (当月) somewhere: only these need running sums. A series
  -- of cumulative reports only (most) is its own cumulative, and skips the windows, which cost
  -- seconds over millions of values.
  summed AS (
    SELECT DISTINCT indicator_code, region, series FROM counted WHERE basis = 'increment'
  ),
  grouped AS (
    SELECT a.*,
      sum(CASE WHEN a.basis = 'cumulative' THEN 1 ELSE 0 END)
        OVER (PARTITION BY a.indicator_code, a.region, a.series ORDER BY a.period ROWS UNBOUNDED PRECEDING) AS restart
    FROM counted a
    SEMI JOIN summed s ON s.indicator_code = a.indicator_code AND s.region = a.region AND s.series = a.series
  )
  SELECT g.indicator_code, g.region, g.series, g.period, g.milestone_status, g.value AS reported, g.upload_id, g.recorded_at,
    coalesce(first_value(CASE WHEN g.basis = 'cumulative' THEN g.value END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING), 0)
    + sum(CASE WHEN g.basis = 'increment' THEN g.value ELSE 0 END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM grouped g
  UNION ALL
  SELECT a.indicator_code, a.region, a.series, a.period, a.milestone_status, a.value AS reported, a.upload_id,
    a.recorded_at, coalesce(a.value, 0) + 0 AS cumulative
  FROM counted a
  ANTI JOIN summed s ON s.indicator_code = a.indicator_code AND s.region = a.region AND s.series = a.series;
