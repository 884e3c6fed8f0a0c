SELECT version FROM data_version WHERE id = 1
