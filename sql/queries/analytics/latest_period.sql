-- The latest month anything counts for in a document (actuals, any region): the dashboard's default view.
SELECT strftime(max(period), '%Y-%m-%d') AS period
FROM tz_current_actuals(now(), $document)
WHERE series = 'actual'
