UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1
