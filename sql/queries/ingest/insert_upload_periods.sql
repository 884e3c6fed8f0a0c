-- The indicator periods of the values insert_actuals.sql wrote for the upload (see
-- sql/schema/054_upload_periods.sql): the same rows, distinct.
INSERT INTO upload_period
SELECT DISTINCT $upload_id, code, period, series
FROM ingest_compared
WHERE change IN ('new', 'revised')
  AND series <> 'target'
