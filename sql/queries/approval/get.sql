-- One upload's approval: whether it needed one, the decision if any, and whether it was withdrawn.
SELECT u.id AS upload_id, u.status, u.uploaded_by, q.upload_id IS NOT NULL AS needs_approval, q.requested_at,
  r.decision, r.decided_at, r.decided_by, r.reason, w.withdrawn_at
FROM upload u
LEFT JOIN upload_review_request q ON q.upload_id = u.id
LEFT JOIN upload_review r ON r.upload_id = u.id
LEFT JOIN upload_withdrawal w ON w.upload_id = u.id
WHERE u.id = $id
