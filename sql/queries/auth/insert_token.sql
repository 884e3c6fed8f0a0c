INSERT INTO api_token (id, token_hash, user_id, label, created_by, created_at)
SELECT coalesce(max(id), 0) + 1, $token_hash, $user_id, $label, $created_by, now()
FROM api_token
RETURNING id
