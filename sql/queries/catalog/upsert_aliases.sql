INSERT INTO department_alias (alias, department)
SELECT a.alias, a.department
FROM (SELECT unnest(from_json($aliases, '[{"alias":"VARCHAR","department":"VARCHAR"}]')) AS a)
ON CONFLICT (alias) DO UPDATE SET department = excluded.department
