SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL AND id <> $id
