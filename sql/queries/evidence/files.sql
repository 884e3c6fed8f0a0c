-- Every evidence file's content address and size, for backups.
SELECT DISTINCT sha256, bytes FROM evidence ORDER BY sha256
