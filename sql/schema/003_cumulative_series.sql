-- The cumulative series of every indicator of a document, as known at `known`, for one region:
-- the rule analytics always work on. A cumulative report (累计) restarts the running sum; increments
-- (当月) add up after it. Levels and coverages keep their reported value (see `reported`).
CREATE MACRO tz_cumulative(known, document, region) AS TABLE
  WITH counted AS (
    SELECT c.* FROM tz_current_actuals(known) c
    JOIN indicator i ON i.code = c.indicator_code
    WHERE i.document_id = document AND c.region = region
  ),
  grouped AS (
    SELECT a.*,
      sum(CASE WHEN a.basis = 'cumulative' THEN 1 ELSE 0 END)
        OVER (PARTITION BY a.indicator_code, a.series ORDER BY a.period ROWS UNBOUNDED PRECEDING) AS restart
    FROM counted a
  )
  SELECT g.indicator_code, g.series, g.period, g.milestone_status, g.value AS reported, g.upload_id, g.recorded_at,
    coalesce(first_value(CASE WHEN g.basis = 'cumulative' THEN g.value END)
      OVER (PARTITION BY g.indicator_code, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING), 0)
    + sum(CASE WHEN g.basis = 'increment' THEN g.value ELSE 0 END)
      OVER (PARTITION BY g.indicator_code, g.series, g.restart ORDER BY g.period ROWS UNBOUNDED PRECEDING) AS cumulative
  FROM grouped g;
