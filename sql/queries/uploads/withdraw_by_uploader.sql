-- Withdraws every committed upload of one uploader still counting (the sample data set), at once.
INSERT INTO upload_withdrawal (upload_id, withdrawn_at, withdrawn_by, reason)
SELECT id, now(), $by, $reason FROM upload
WHERE uploaded_by = $uploader AND status = 'committed' AND id NOT IN (SELECT upload_id FROM upload_withdrawal)
RETURNING upload_id
