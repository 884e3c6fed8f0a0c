-- The latest value that counts now for each region of an indicator (actuals, not plans), with the
-- region's level so the page can show the province and prefectures and count the counties.
SELECT c.region, coalesce(r.level, 'county') AS level, strftime(c.period, '%Y-%m-%d') AS period, c.value,
  c.milestone_status, c.note, c.upload_id, c.recorded_at
FROM tz_current_actuals(now(), $document, pending := $pending, pending_scope := $pending_scope) c
LEFT JOIN region r ON r.name = c.region
WHERE c.indicator_code = $code AND c.series = 'actual'
QUALIFY row_number() OVER (PARTITION BY c.region ORDER BY c.period DESC) = 1
ORDER BY c.region <> '全省', coalesce(r.position, 1000000), c.region
