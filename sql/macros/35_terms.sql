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
-- known at `known` (`document` NULL: every document's). Two sources: an administrator's regional revision (indicator_correction with a
-- region, which may take effect from a date), and a 类型 = 目标 row of an upload (target_value),
-- which counts from the moment its upload counts (its recording, or its approval) until the upload
-- is withdrawn, and is for the whole span of the indicator (no effective date). Of those in force
-- for a month the latest effective wins, then the latest to count. A region without one has no row:
-- sql/macros/40_status.sql then says how it is measured.
CREATE OR REPLACE MACRO tz_regional_targets(known, document, asofs) AS TABLE
WITH set_targets AS (
  SELECT c.code, c.region, TRY_CAST(c.new_value AS DOUBLE) AS target, c.effective,
    c.corrected_at AS counts_from, 'revision' AS source, c.id AS source_id
  FROM indicator_correction c
  JOIN indicator i ON i.code = c.code
  WHERE c.region IS NOT NULL AND c.field = 'target' AND c.corrected_at <= known
    AND (document IS NULL OR i.document_id = document)
  UNION ALL
  SELECT t.indicator_code, t.region, t.value, NULL,
    CASE WHEN r.decision = 'approved' THEN r.decided_at ELSE t.recorded_at END, 'upload', t.upload_id
  FROM target_value t
  JOIN indicator i ON i.code = t.indicator_code
  JOIN upload u ON u.id = t.upload_id AND u.status = 'committed'
  LEFT JOIN upload_withdrawal w ON w.upload_id = t.upload_id AND w.withdrawn_at <= known
  LEFT JOIN upload_review_request q ON q.upload_id = t.upload_id
  LEFT JOIN upload_review r ON r.upload_id = t.upload_id AND r.decided_at <= known
  WHERE t.recorded_at <= known AND w.upload_id IS NULL AND (q.upload_id IS NULL OR r.decision = 'approved')
    AND (document IS NULL OR i.document_id = document)
)
SELECT m.as_of, s.code, s.region, s.target, s.source, s.source_id
FROM set_targets s
JOIN (SELECT DISTINCT CAST(unnest(asofs) AS DATE) AS as_of) m
  ON coalesce(s.effective, DATE '1900-01-01') <= m.as_of
QUALIFY row_number() OVER (
  PARTITION BY m.as_of, s.code, s.region
  ORDER BY coalesce(s.effective, DATE '1900-01-01') DESC, s.counts_from DESC, s.source_id DESC
) = 1;
