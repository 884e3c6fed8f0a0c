INSERT INTO api_token (id, token_hash, user_id, label, created_by, created_at)
VALUES (nextval('token_id_seq'), $token_hash, $user_id, $label, $created_by, now())
RETURNING id
