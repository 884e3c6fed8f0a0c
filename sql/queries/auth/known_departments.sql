-- Every department of every document, and every alias that names one, with its canonical name.
SELECT DISTINCT department AS name, department AS canonical FROM task_department
UNION
SELECT alias, department FROM department_alias
