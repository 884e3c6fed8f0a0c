-- Withdrawal records an event; the upload's values stay in the history but stop counting.
INSERT INTO upload_withdrawal (upload_id, withdrawn_at, withdrawn_by, reason)
SELECT id, now(), $by, $reason FROM upload
WHERE id = $id AND status = 'committed' AND id NOT IN (SELECT upload_id FROM upload_withdrawal)
