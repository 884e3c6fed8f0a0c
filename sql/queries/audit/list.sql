-- The audit trail, newest first, filtered by actor, action (prefix) and day range; NULL means any.
SELECT id, occurred_at, actor, session_ref, ip, action, target, detail
FROM audit_event
WHERE ($actor IS NULL OR actor = $actor)
  AND ($action IS NULL OR action = $action OR starts_with(action, $action || '.'))
  AND ($from IS NULL OR occurred_at >= CAST($from AS DATE))
  AND ($to IS NULL OR occurred_at < CAST($to AS DATE) + INTERVAL 1 DAY)
ORDER BY id DESC
LIMIT $limit
