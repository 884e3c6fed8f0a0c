-- The cumulative series for several regions at once, so that comparing thousands of regions is one
-- query, not one per region. The rule moves here unchanged (partitioned by region as well);
-- tz_cumulative keeps its signature for one region and is defined on top of it.
CREATE MACRO tz_cumulative_regions(known, document, regions) AS TABLE
  WITH counted AS (
    SELECT c.* FROM tz_current_actuals(known) c
    JOIN indicator i ON i.code = c.indicator_code
    WHERE i.document_id = document AND list_contains(regions, c.region)
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

CREATE OR REPLACE MACRO tz_cumulative(known, document, region) AS TABLE
  SELECT * EXCLUDE (region) FROM tz_cumulative_regions(known, document, [region]);
