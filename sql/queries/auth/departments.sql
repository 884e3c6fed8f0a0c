SELECT DISTINCT department FROM task_department ORDER BY department
