-- Every name and alias of a region, with the region it names: the front stage tells a header that
-- names a region (a table of indicators by region) by them, as tz_region_names reads region cells.
SELECT alias AS text, region FROM region_alias
UNION
SELECT name, name FROM region
