-- Bench only: the indicator periods scale_actuals.sql wrote for the upload, as the import records
-- them (sql/queries/ingest/insert_upload_periods.sql).
INSERT INTO upload_period
SELECT DISTINCT upload_id, indicator_code, period, series FROM actual WHERE upload_id = $upload_id
