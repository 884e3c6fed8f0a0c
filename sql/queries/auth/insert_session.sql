INSERT INTO user_session (id_hash, user_id, created_at, last_seen_at, ip, user_agent)
VALUES ($id_hash, $user_id, now(), now(), $ip, $user_agent)
