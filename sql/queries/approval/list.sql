-- Every upload that needed approval, newest first: waiting ones, then decided, with the decision.
SELECT u.id AS upload_id, u.file_name, u.uploaded_by, u.uploaded_at, u.rows_new, u.rows_revised,
  r.decision, r.decided_at, r.decided_by, r.reason, w.withdrawn_at
FROM upload_review_request q
JOIN upload u ON u.id = q.upload_id
LEFT JOIN upload_review r ON r.upload_id = u.id
LEFT JOIN upload_withdrawal w ON w.upload_id = u.id
ORDER BY (r.upload_id IS NULL AND w.upload_id IS NULL) DESC, u.id DESC
LIMIT $limit
