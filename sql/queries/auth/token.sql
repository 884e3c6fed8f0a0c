-- A live token and its (enabled) account.
SELECT t.id AS token_id, u.id AS user_id, u.username, u.role, u.departments
FROM api_token t
JOIN app_user u ON u.id = t.user_id
WHERE t.token_hash = $token_hash AND t.revoked_at IS NULL AND u.disabled_at IS NULL
