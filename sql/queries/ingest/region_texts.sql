-- Each distinct region text of the staged rows, resolved once (a few thousand in a million-row
-- file): the region it names (tz_region_names: by name or alias, spaces taken out, or a short form);
-- a row naming none is $default_region's.
CREATE OR REPLACE TEMP TABLE ingest_region_texts AS
WITH k AS (
  SELECT region_raw, coalesce(nullif(regexp_replace(region_raw, '[\s' || chr(12288) || chr(160) || ']+', '', 'g'), ''), $default_region) AS region_text
  FROM (SELECT DISTINCT region_raw FROM ingest_staged)
)
SELECT k.region_raw, k.region_text, n.region
FROM k
LEFT JOIN tz_region_names((SELECT list(region_text) FROM k)) n ON n.text = k.region_text
