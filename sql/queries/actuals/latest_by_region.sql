-- The latest value that counts now for each region of an indicator (actuals, not plans).
SELECT region, strftime(period, '%Y-%m-%d') AS period, value, milestone_status, note, upload_id, recorded_at
FROM tz_current_actuals(now())
WHERE indicator_code = $code AND series = 'actual'
QUALIFY row_number() OVER (PARTITION BY region ORDER BY period DESC) = 1
ORDER BY region <> '全省', region
