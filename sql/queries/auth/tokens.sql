SELECT t.id, t.user_id, u.username, t.label, t.created_by, t.created_at, t.revoked_at
FROM api_token t
JOIN app_user u ON u.id = t.user_id
ORDER BY t.revoked_at IS NOT NULL, t.id DESC
