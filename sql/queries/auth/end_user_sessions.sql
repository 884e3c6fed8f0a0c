UPDATE user_session SET ended_at = now() WHERE user_id = $user_id AND ended_at IS NULL
