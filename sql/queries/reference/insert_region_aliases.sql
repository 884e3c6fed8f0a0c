-- Each region is also known by its own name, so one lookup serves both.
INSERT INTO region_alias (alias, region)
SELECT DISTINCT trim(alias), name
FROM (
  SELECT name, unnest(string_split(coalesce(aliases, ''), '|')) AS alias
  FROM read_csv($file, header = true, all_varchar = true, auto_detect = false, delim = ',', quote = '"',
    columns = {'name': 'VARCHAR', 'parent': 'VARCHAR', 'level': 'VARCHAR', 'aliases': 'VARCHAR'})
)
WHERE trim(alias) <> ''
