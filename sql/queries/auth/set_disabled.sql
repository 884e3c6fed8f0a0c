UPDATE app_user SET disabled_at = CASE WHEN $disabled THEN now() END WHERE id = $id
