SELECT name, parent, level FROM region ORDER BY position
