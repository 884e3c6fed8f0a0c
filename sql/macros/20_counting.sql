-- Which values count. Facts are append-only: a value is never updated or deleted, so what counts
-- is derived, and every screen, snapshot, history and import comparison uses these two rules.

-- The values that count as known at time `known`, for one document (NULL: every document): for
-- each indicator, region, period and series, the latest recorded value that came by a committed
-- upload not withdrawn by then. A value whose upload row is missing never counts (only a whole
-- commit writes both). The document is filtered before the window, so a document's pages never
-- rank another document's values.
CREATE OR REPLACE MACRO tz_current_actuals(known, document) AS TABLE
  SELECT a.*
  FROM actual a
  JOIN indicator i ON i.code = a.indicator_code
  JOIN upload u ON u.id = a.upload_id AND u.status = 'committed'
  LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id AND w.withdrawn_at <= known
  WHERE a.recorded_at <= known AND w.upload_id IS NULL
    AND (document IS NULL OR i.document_id = document)
  QUALIFY row_number() OVER (
    PARTITION BY a.indicator_code, a.region, a.period, a.series
    ORDER BY a.recorded_at DESC, a.upload_id DESC, a.line DESC
  ) = 1;

-- Every value ever recorded for a document (and one indicator, or NULL for all), with its upload
-- and when it stopped counting: when its upload was withdrawn, or when a later value for the same
-- key came by an upload that still counts, whichever was first; NULL while it counts now.
CREATE OR REPLACE MACRO tz_actual_history(document, code) AS TABLE
  SELECT a.*, i.name AS indicator_name, u.uploaded_by, u.file_name, w.withdrawn_at,
    least(w.withdrawn_at, min(CASE WHEN w.withdrawn_at IS NULL THEN a.recorded_at END) OVER (
      PARTITION BY a.indicator_code, a.region, a.period, a.series
      ORDER BY a.recorded_at, a.upload_id, a.line
      ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) AS superseded_at
  FROM actual a
  JOIN indicator i ON i.code = a.indicator_code
  JOIN upload u ON u.id = a.upload_id AND u.status = 'committed'
  LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id
  WHERE i.document_id = document AND (code IS NULL OR a.indicator_code = code);
