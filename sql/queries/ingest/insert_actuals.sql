INSERT INTO actual (indicator_code, region, period, series, value, basis, milestone_status, note, upload_id, line, recorded_at)
SELECT code, region, period, series, value, basis, milestone_status, note, $upload_id, line, now()
FROM ingest_compared
WHERE change IN ('new', 'revised')
  AND series <> 'target'
