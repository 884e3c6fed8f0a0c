-- Every revision of one indicator, newest first.
SELECT id, field, old_value, new_value, reason, corrected_by, corrected_at,
  strftime(effective, '%Y-%m-%d') AS effective, source, region
FROM indicator_correction
WHERE code = $code
ORDER BY id DESC
