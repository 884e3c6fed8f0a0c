INSERT INTO app_user (id, username, role, departments, password_hash, created_at, password_changed_at)
VALUES (nextval('user_id_seq'), $username, $role, $departments, $password_hash, now(), now())
RETURNING id
