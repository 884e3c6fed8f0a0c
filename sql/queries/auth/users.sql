-- Every account with its live sessions and tokens, for the administrator's page.
SELECT u.id, u.username, u.role, u.departments, u.created_at, u.password_changed_at, u.disabled_at,
  (SELECT max(s.last_seen_at) FROM user_session s WHERE s.user_id = u.id) AS last_seen_at,
  (SELECT count(*) FROM api_token t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens
FROM app_user u
ORDER BY u.disabled_at IS NOT NULL, u.role, u.username
