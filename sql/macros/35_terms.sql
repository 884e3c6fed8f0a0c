-- The terms of every indicator of a document in force at each month end of `asofs`, as known at
-- `known`: target, unit, deadline and whether it is retired. A revision (indicator_correction)
-- counts from its effective date (NULL: from the start) once it is recorded; before any revision
-- was recorded, or for a month before one takes effect, the catalogue's own value stands (the
-- first revision's old value, or the indicator row when a field was never revised). So `known=`
-- before a revision, and a month before it takes effect, both show the original target.
CREATE OR REPLACE MACRO tz_indicator_terms(known, document, asofs) AS TABLE
WITH months AS (
  SELECT DISTINCT CAST(unnest(asofs) AS DATE) AS as_of
),
revised AS (
  -- The province's own terms: a regional target (region set) is tz_regional_targets' below.
  SELECT c.* FROM indicator_correction c
  JOIN indicator i ON i.code = c.code
  WHERE (document IS NULL OR i.document_id = document) AND c.region IS NULL
),
original AS (
  SELECT code, field, arg_min(old_value, id) AS value FROM revised GROUP BY code, field
),
in_force AS (
  SELECT m.as_of, r.code, r.field, r.new_value AS value
  FROM revised r
  JOIN months m ON coalesce(r.effective, DATE '1900-01-01') <= m.as_of
  WHERE r.corrected_at <= known
  QUALIFY row_number() OVER (
    PARTITION BY m.as_of, r.code, r.field ORDER BY coalesce(r.effective, DATE '1900-01-01') DESC, r.id DESC
  ) = 1
),
terms AS (
  SELECT m.as_of, i.code, f.field,
    CASE WHEN v.code IS NOT NULL THEN v.value WHEN o.code IS NOT NULL THEN o.value END AS value,
    v.code IS NOT NULL OR o.code IS NOT NULL AS revised
  FROM indicator i
  CROSS JOIN months m
  CROSS JOIN (SELECT unnest(['target', 'unit', 'deadline', 'retired']) AS field) f
  LEFT JOIN in_force v ON v.as_of = m.as_of AND v.code = i.code AND v.field = f.field
  LEFT JOIN original o ON o.code = i.code AND o.field = f.field
  WHERE document IS NULL OR i.document_id = document
)
SELECT m.as_of, i.code,
  CASE WHEN t.revised THEN TRY_CAST(t.value AS DOUBLE) ELSE i.target END AS target,
  CASE WHEN u.revised THEN nullif(u.value, '') ELSE i.unit END AS unit,
  CASE WHEN d.revised THEN TRY_CAST(d.value AS DATE) ELSE i.deadline END AS deadline,
  CASE WHEN r.revised THEN r.value = 'true' ELSE i.retired_at IS NOT NULL AND i.retired_at <= known END AS retired
FROM indicator i
CROSS JOIN months m
JOIN terms t ON t.as_of = m.as_of AND t.code = i.code AND t.field = 'target'
JOIN terms u ON u.as_of = m.as_of AND u.code = i.code AND u.field = 'unit'
JOIN terms d ON d.as_of = m.as_of AND d.code = i.code AND d.field = 'deadline'
JOIN terms r ON r.as_of = m.as_of AND r.code = i.code AND r.field = 'retired'
WHERE document IS NULL OR i.document_id = document;

-- 目标分解: each region's own target of an indicator in force at each month end of `asofs`, as
-- known at `known` (the latest regional revision effective by then and recorded by then). A region
-- without one has no row: it is compared with the province's target (sql/macros/40_status.sql).
CREATE OR REPLACE MACRO tz_regional_targets(known, document, asofs) AS TABLE
SELECT m.as_of, c.code, c.region, TRY_CAST(c.new_value AS DOUBLE) AS target
FROM indicator_correction c
JOIN indicator i ON i.code = c.code
JOIN (SELECT DISTINCT CAST(unnest(asofs) AS DATE) AS as_of) m
  ON coalesce(c.effective, DATE '1900-01-01') <= m.as_of
WHERE c.region IS NOT NULL AND c.field = 'target' AND c.corrected_at <= known AND i.document_id = document
QUALIFY row_number() OVER (
  PARTITION BY m.as_of, c.code, c.region ORDER BY coalesce(c.effective, DATE '1900-01-01') DESC, c.id DESC
) = 1;
