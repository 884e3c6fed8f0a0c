-- The reporting rule in force for one indicator: its own latest, else its lead department's latest,
-- else the default (monthly; a milestone once).
SELECT i.code, coalesce(t.lead, td.department) AS department,
  coalesce(ir.frequency, dr.frequency, CASE WHEN i.kind = 'milestone' THEN 'once' ELSE 'monthly' END) AS frequency,
  coalesce(ir.due_day, dr.due_day, $default_day) AS due_day,
  CASE WHEN ir.id IS NOT NULL THEN 'indicator' WHEN dr.id IS NOT NULL THEN 'department' ELSE 'default' END
    AS rule_from
FROM indicator i
JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq AND td.position = 1
JOIN task t ON t.document_id = i.document_id AND t.seq = i.task_seq
LEFT JOIN (
  SELECT * FROM reporting_rule WHERE indicator_code = $code
  QUALIFY row_number() OVER (ORDER BY set_at DESC, id DESC) = 1
) ir ON true
LEFT JOIN (
  SELECT * FROM reporting_rule WHERE department IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY department ORDER BY set_at DESC, id DESC) = 1
) dr ON dr.department = coalesce(t.lead, td.department)
WHERE i.code = $code
