-- The regional targets (类型 = 目标) of a committed upload, recorded at the transaction's now() like its values.
INSERT INTO target_value (indicator_code, region, value, note, upload_id, line, recorded_at)
SELECT code, region, value, note, $upload_id, line, now()
FROM ingest_compared
WHERE change IN ('new', 'revised') AND series = 'target'
