-- The cumulative series of a document's indicators, as known at `known`, for each of `regions`
-- (a list: thousands of regions are one query): the series every analysis works on. A cumulative
-- report (累计) restarts the running sum; increments (当月) add up after it. Levels and coverages
-- keep their reported value (`reported`). An annual target (每年, recurrence 'annual') starts again
-- each year: its sums run within a calendar year (`cycle`, NULL for the others, whose sums run over
-- the whole span of a plan to 2025). `pending`: also the values waiting for approval (of the
-- indicators of `pending_scope`'s departments; NULL: all). `codes`: only those indicators (NULL: all).
CREATE OR REPLACE MACRO tz_cumulative_regions(known, document, regions, pending := false, pending_scope := NULL, codes := NULL) AS TABLE
  WITH counted AS (
    SELECT c.*, CASE WHEN i.recurrence = 'annual' THEN year(c.period) END AS cycle
    FROM tz_current_actuals(known, document, pending := pending, pending_scope := pending_scope,
      regions := regions, codes := codes) c
    JOIN indicator i ON i.code = c.indicator_code
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
        OVER (PARTITION BY a.indicator_code, a.region, a.series, a.cycle ORDER BY a.period ROWS UNBOUNDED PRECEDING) AS restart
    FROM counted a
    SEMI JOIN summed s ON s.indicator_code = a.indicator_code AND s.region = a.region AND s.series = a.series
  )
  SELECT g.indicator_code, g.region, g.series, g.period, g.milestone_status, g.value AS reported, g.upload_id, g.recorded_at,
    g.cycle,
    coalesce(first_value(CASE WHEN g.basis = 'cumulative' THEN g.value END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.cycle, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING), 0)
    + sum(CASE WHEN g.basis = 'increment' THEN g.value ELSE 0 END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.cycle, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM grouped g
  UNION ALL
  SELECT a.indicator_code, a.region, a.series, a.period, a.milestone_status, a.value AS reported, a.upload_id,
    a.recorded_at, a.cycle, coalesce(a.value, 0) + 0 AS cumulative
  FROM counted a
  ANTI JOIN summed s ON s.indicator_code = a.indicator_code AND s.region = a.region AND s.series = a.series;
