-- The dashboard's default month: the latest month that at least half of the reporting indicators
-- have reached (each indicator's latest month with a value, any region), so a few indicators that
-- ran ahead do not turn everyone else 未报送. `ahead` counts the indicators reported past it.
WITH latest AS (
  SELECT indicator_code, last_day(max(period)) AS month
  FROM tz_current_actuals(now(), $document)
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
