-- A region of the region table by its name.
SELECT name FROM region WHERE name = $name
