-- Department names to offer a reviewer: every document's and the alias table's canonical names.
SELECT DISTINCT name FROM (
  SELECT department AS name FROM task_department
  UNION ALL
  SELECT department AS name FROM department_alias
)
ORDER BY name
