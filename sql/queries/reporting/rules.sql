-- Every reporting rule ever set, newest first, with whether it is the one in force for its target.
SELECT id, indicator_code, department, frequency, due_day, reason, set_by, set_at,
  row_number() OVER (PARTITION BY coalesce(indicator_code, ''), coalesce(department, '')
    ORDER BY set_at DESC, id DESC) = 1 AS in_force
FROM reporting_rule
ORDER BY set_at DESC, id DESC
