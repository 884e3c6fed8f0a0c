INSERT INTO region (name, parent, level, position)
SELECT name, nullif(parent, ''), level, CAST(row_number() OVER () AS INTEGER)
FROM read_csv($file, header = true, all_varchar = true, auto_detect = false, delim = ',', quote = '"',
  columns = {'name': 'VARCHAR', 'parent': 'VARCHAR', 'level': 'VARCHAR', 'aliases': 'VARCHAR'})
