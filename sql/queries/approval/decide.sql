-- The one decision on an upload waiting for approval, appended; nothing when it does not wait
-- (never needed approval, already decided, withdrawn). Returns the row it wrote.
INSERT INTO upload_review (upload_id, decision, decided_at, decided_by, reason)
SELECT q.upload_id, $decision, now(), $by, $reason
FROM upload_review_request q
JOIN upload u ON u.id = q.upload_id AND u.status = 'committed'
WHERE q.upload_id = $id
  AND q.upload_id NOT IN (SELECT upload_id FROM upload_review)
  AND q.upload_id NOT IN (SELECT upload_id FROM upload_withdrawal)
RETURNING upload_id, decision, decided_at, decided_by, reason
