-- Each distinct indicator text of the staged rows, resolved once (a million-row file has a few
-- dozen): the indicator it names, by code or by a name only one current indicator has, what the
-- check needs of it, and the indicator problem of the text itself. The rows find theirs by a hash
-- join on the raw text (ingest/check), and the messages read the same row (ingest/problems).
-- $scope is the uploader's departments (a reporter's), or NULL for all: an indicator of no
-- department in it is an error.
CREATE OR REPLACE TEMP TABLE ingest_indicator_texts AS
WITH keys AS (
  SELECT indicator_raw, nullif(tz_halfwidth(indicator_raw), '') AS indicator_key
  FROM (SELECT DISTINCT indicator_raw FROM ingest_staged)
),
found AS (
  SELECT k.*, coalesce(by_code.code, CASE WHEN by_name.n = 1 THEN by_name.code END) AS code, by_name.n AS name_matches
  FROM keys k
  LEFT JOIN indicator by_code ON upper(by_code.code) = upper(k.indicator_key)
  -- A name may be used only if it belongs to exactly one current indicator.
  LEFT JOIN (SELECT name, min(code) AS code, count(*) AS n FROM indicator WHERE retired_at IS NULL GROUP BY name) by_name
    ON by_code.code IS NULL AND by_name.name = k.indicator_key
),
-- Per indicator, its departments and whether the uploader may report it.
scoped AS (
  SELECT i.code, string_agg(td.department, '、' ORDER BY td.position) AS departments,
    $scope IS NULL OR coalesce(bool_or(list_contains($scope, td.department)), false) AS in_scope
  FROM indicator i
  JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
  GROUP BY i.code
)
SELECT f.indicator_raw, f.indicator_key, f.code, i.name AS indicator_name, i.kind, i.unit, i.target,
  d.year AS doc_year, greatest(d.year, coalesce(sp.last_year, d.year)) AS last_year, sc.departments,
  CASE
    WHEN f.indicator_key IS NULL THEN 'missing_indicator'
    WHEN f.code IS NULL AND f.name_matches > 1 THEN 'ambiguous_indicator'
    WHEN f.code IS NULL THEN 'unknown_indicator'
    WHEN i.retired_at IS NOT NULL THEN 'retired_indicator'
    WHEN NOT coalesce(sc.in_scope, $scope IS NULL) THEN 'outside_scope'
  END AS e_indicator
FROM found f
LEFT JOIN indicator i ON i.code = f.code
LEFT JOIN document d ON d.id = i.document_id
-- The years a document covers: its own to its latest deadline (a plan to 2025 takes 2023's figures).
LEFT JOIN (SELECT document_id, max(year(deadline)) AS last_year FROM indicator WHERE retired_at IS NULL GROUP BY ALL) sp
  ON sp.document_id = i.document_id
LEFT JOIN scoped sc ON sc.code = f.code
