-- The dashboard's default month: the latest month that at least half of the reporting indicators
-- have reached (each indicator's latest month with a value, any region), so a few indicators that
-- ran ahead do not turn everyone else 未报送. `ahead` counts the indicators reported past it.
-- The values that may count (tz_counting_candidates) hold the same keys as the current ones: the
-- ranking only chooses among a key's values. So no ranking here (it was most of this query's 0.5–1 s
-- at 1 M values, asked by every page without ?asof).
WITH latest AS MATERIALIZED (
  SELECT indicator_code, last_day(max(period)) AS month
  FROM tz_counting_candidates(now(), $document, false, NULL, NULL, NULL, false)
  WHERE series = 'actual'
  GROUP BY indicator_code
),
ranked AS (
  SELECT month, row_number() OVER (ORDER BY month DESC) AS rn, count(*) OVER () AS n FROM latest
),
chosen AS (
  SELECT month FROM ranked WHERE rn = CAST(ceil(n / 2) AS BIGINT)
)
SELECT strftime(c.month, '%Y-%m-%d') AS period,
  (SELECT count(*) FROM latest l WHERE l.month > c.month) AS ahead,
  (SELECT count(*) FROM latest) AS reporting
FROM chosen c
