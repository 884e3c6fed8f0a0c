INSERT INTO indicator_correction (id, code, field, old_value, new_value, reason, corrected_by, corrected_at, effective, source, region)
VALUES (nextval('correction_id_seq'), $code, $field, $old_value, $new_value, $reason, $by, now(),
  CAST($effective AS DATE), $source, $region)
