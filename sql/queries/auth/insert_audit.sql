INSERT INTO audit_event (id, occurred_at, actor, session_ref, ip, action, target, detail)
SELECT coalesce(max(id), 0) + 1, now(), $actor, $session_ref, $ip, $action, $target, $detail
FROM audit_event
