-- A department named by its canonical name or by a short form people type (省发改委).
SELECT coalesce(
  (SELECT department FROM task_department WHERE department = $name LIMIT 1),
  (SELECT department FROM department_alias WHERE alias = $name)
) AS name
