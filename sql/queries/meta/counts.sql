-- How much the database holds: for health checks and for tests that a failed write left nothing.
SELECT
  (SELECT count(*) FROM actual) AS actuals,
  (SELECT count(*) FROM upload) AS uploads,
  (SELECT count(*) FROM upload WHERE status = 'committed') AS committed_uploads
