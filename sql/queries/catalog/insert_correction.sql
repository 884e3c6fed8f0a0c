INSERT INTO indicator_correction (id, code, field, old_value, new_value, reason, corrected_by, corrected_at)
SELECT coalesce(max(id), 0) + 1, $code, $field, $old_value, $new_value, $reason, $by, now()
FROM indicator_correction
