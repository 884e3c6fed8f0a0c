-- The region each of `texts` (a list of region cells as clerks write them) names: its name or an
-- alias (seeds/regions.csv), with the spaces of an aligned column taken out (全  省, 长 春 市), or a
-- short form only one region has (吉林 → 吉林市, 公主岭 → 公主岭市). `text` is the text as looked up
-- (spaces out); `region` is NULL for a text that names none.
CREATE OR REPLACE MACRO tz_region_names(texts) AS TABLE
WITH k AS (
  SELECT DISTINCT text FROM (
    SELECT regexp_replace(unnest(texts), '[\s' || chr(12288) || chr(160) || ']+', '', 'g') AS text
  ) WHERE text <> ''
),
short AS (
  SELECT k.text, min(r.name) AS name, count(*) AS n
  FROM k JOIN region r ON r.name IN (k.text || '市', k.text || '县', k.text || '区', k.text || '州')
  GROUP BY k.text
)
SELECT k.text, coalesce(r.name, ra.region, CASE WHEN s.n = 1 THEN s.name END) AS region
FROM k
LEFT JOIN region r ON r.name = k.text
LEFT JOIN region_alias ra ON ra.alias = k.text
LEFT JOIN short s ON s.text = k.text;
