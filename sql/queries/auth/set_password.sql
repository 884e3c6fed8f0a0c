UPDATE app_user SET password_hash = $password_hash, password_changed_at = now() WHERE id = $id
