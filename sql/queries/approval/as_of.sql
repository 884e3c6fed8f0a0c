-- What had been decided about every upload that needed approval, as known at $known: for a frozen
-- snapshot's manifest (which values were approved when it was frozen).
SELECT q.upload_id,
  CASE WHEN w.upload_id IS NOT NULL THEN 'withdrawn' ELSE coalesce(r.decision, 'pending') END AS state,
  r.decided_at, r.decided_by
FROM upload_review_request q
LEFT JOIN upload_review r ON r.upload_id = q.upload_id AND r.decided_at <= CAST($known AS TIMESTAMPTZ)
LEFT JOIN upload_withdrawal w ON w.upload_id = q.upload_id AND w.withdrawn_at <= CAST($known AS TIMESTAMPTZ)
WHERE q.requested_at <= CAST($known AS TIMESTAMPTZ)
ORDER BY q.upload_id
