-- A live session and its account; the caller checks idle and absolute expiry against `now`.
SELECT s.id_hash, s.created_at, s.last_seen_at, now() AS now,
  u.id AS user_id, u.username, u.role, u.departments
FROM user_session s
JOIN app_user u ON u.id = s.user_id
WHERE s.id_hash = $id_hash AND s.ended_at IS NULL AND u.disabled_at IS NULL
