UPDATE user_session SET last_seen_at = now() WHERE id_hash = $id_hash AND ended_at IS NULL
