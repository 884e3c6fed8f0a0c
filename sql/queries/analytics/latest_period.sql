-- The latest month anything counts for in a document (actuals, any region): the dashboard's default view.
SELECT strftime(max(c.period), '%Y-%m-%d') AS period
FROM tz_current_actuals(now()) c
JOIN indicator i ON i.code = c.indicator_code
WHERE i.document_id = $document AND c.series = 'actual'
