INSERT INTO reporting_rule (id, indicator_code, department, frequency, due_day, reason, set_by, set_at)
VALUES (nextval('reporting_rule_id_seq'), $code, $department, $frequency, $due_day, $reason, $by, now())
RETURNING id
