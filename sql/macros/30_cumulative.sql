-- The cumulative series of a document's indicators, as known at `known`, for each of `regions`
-- (a list: thousands of regions are one query): the series every analysis works on. A cumulative
-- report (累计) restarts the running sum; increments (当月) add up after it. Levels and coverages
-- keep their reported value (`reported`). `pending`: also the values waiting for approval (of the
-- indicators of `pending_scope`'s departments; NULL: all).
CREATE OR REPLACE MACRO tz_cumulative_regions(known, document, regions, pending := false, pending_scope := NULL, codes := NULL) AS TABLE
  WITH counted AS (
    SELECT c.* FROM tz_current_actuals(known, document, pending := pending, pending_scope := pending_scope,
      regions := regions, codes := codes) c
  ),
  grouped AS (
    SELECT a.*,
      sum(CASE WHEN a.basis = 'cumulative' THEN 1 ELSE 0 END)
        OVER (PARTITION BY a.indicator_code, a.region, a.series ORDER BY a.period ROWS UNBOUNDED PRECEDING) AS restart
    FROM counted a
  )
  SELECT g.indicator_code, g.region, g.series, g.period, g.milestone_status, g.value AS reported, g.upload_id, g.recorded_at,
    coalesce(first_value(CASE WHEN g.basis = 'cumulative' THEN g.value END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING), 0)
    + sum(CASE WHEN g.basis = 'increment' THEN g.value ELSE 0 END)
      OVER (PARTITION BY g.indicator_code, g.region, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM grouped g;
