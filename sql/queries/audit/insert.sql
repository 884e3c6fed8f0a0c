INSERT INTO audit_event (id, occurred_at, actor, session_ref, ip, action, target, detail)
VALUES (nextval('audit_id_seq'), now(), $actor, $session_ref, $ip, $action, $target, $detail)
