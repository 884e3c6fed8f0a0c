-- The region each of `texts` (a list of region cells as clerks write them) names: its name or an
-- alias (seeds/regions.csv), with the spaces of an aligned column taken out (全  省, 长 春 市), or a
-- short form only one region has (吉林 → 吉林市, 公主岭 → 公主岭市), or a county after its city's name
-- (长春市南关区). `text` is the text as looked up
-- (spaces out); `region` is NULL for a text that names none.
-- Every way seeds/regions.csv spells a region: its name, and each alias.
CREATE OR REPLACE MACRO tz_region_spellings() AS TABLE
SELECT name AS text, name AS region FROM region UNION ALL SELECT alias, region FROM region_alias;

CREATE OR REPLACE MACRO tz_region_names(texts) AS TABLE
WITH k AS (
  SELECT DISTINCT text FROM (
    SELECT regexp_replace(unnest(texts), '[\s' || chr(12288) || chr(160) || ']+', '', 'g') AS text
  ) WHERE text <> ''
),
-- Each text with a suffix, joined on equality (a join on four alternatives compared every text
-- with every region: a third of a second at national scale).
short AS (
  SELECT c.text, min(r.name) AS name, count(*) AS n
  FROM (SELECT text, unnest([text || '市', text || '县', text || '区', text || '州']) AS candidate FROM k) c
  JOIN region r ON r.name = c.candidate
  GROUP BY c.text
),
-- A county written with its city in front (长春市南关区, 延边州延吉市): the county, if it is that city's.
-- Each text is cut after its 2nd to 9th character and both halves joined on equality.
prefixed AS (
  SELECT s.text, min(c.name) AS name
  FROM (
    SELECT text, left(text, i) AS head, substr(text, i + 1) AS tail
    FROM k, range(2, 10) t(i) WHERE length(text) > i + 1
  ) s
  JOIN tz_region_spellings() ct
    ON ct.text = s.tail
  JOIN region c ON c.name = ct.region AND c.level = 'county'
  JOIN tz_region_spellings() p
    ON p.text = s.head AND p.region = c.parent
  GROUP BY s.text
)
SELECT k.text, coalesce(r.name, ra.region, CASE WHEN s.n = 1 THEN s.name END, x.name) AS region
FROM k
LEFT JOIN region r ON r.name = k.text
LEFT JOIN region_alias ra ON ra.alias = k.text
LEFT JOIN short s ON s.text = k.text
LEFT JOIN prefixed x ON x.text = k.text;
