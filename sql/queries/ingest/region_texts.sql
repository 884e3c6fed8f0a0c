-- Each distinct region text of the staged rows, resolved once (a few thousand in a million-row
-- file): the region it names, by name or alias; a row naming none is $default_region's.
CREATE OR REPLACE TEMP TABLE ingest_region_texts AS
SELECT k.region_raw, k.region_text, coalesce(r.name, ra.region) AS region
FROM (
  SELECT region_raw, coalesce(nullif(trim(region_raw), ''), $default_region) AS region_text
  FROM (SELECT DISTINCT region_raw FROM ingest_staged)
) k
LEFT JOIN region r ON r.name = k.region_text
LEFT JOIN region_alias ra ON ra.alias = k.region_text
