UPDATE api_token SET revoked_at = now() WHERE id = $id AND revoked_at IS NULL
RETURNING id, user_id, label
