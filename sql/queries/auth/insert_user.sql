INSERT INTO app_user (id, username, role, departments, password_hash, created_at, password_changed_at)
SELECT coalesce(max(id), 0) + 1, $username, $role, $departments, $password_hash, now(), now()
FROM app_user
RETURNING id
