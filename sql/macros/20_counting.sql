-- Which values count. Facts are append-only: a value is never updated or deleted, so what counts
-- is derived, and every screen, snapshot, history and import comparison uses these two rules.
--
-- A value counts through its upload: committed, not withdrawn, and — when the upload needed
-- approval (upload_review_request, recorded at commit) — approved. Each of these is an event with
-- its time, so "as known at `known`" sees an approval only from its decided_at on. A rejected
-- upload never counts. `pending := true` (the pages' 含待审核数据) also counts the values of
-- uploads still waiting for a decision, as if approved when they were recorded — for indicators
-- whose task names one of `pending_scope` (a list of departments: a reporter's own), or for every
-- indicator when it is NULL (administrators, reporters for all departments).

-- The values that count as known at time `known`, for one document (NULL: every document): for
-- each indicator, region, period and series, the latest value by when it started counting (its
-- recording, or its upload's approval). A value whose upload row is missing never counts (only a
-- whole commit writes both). The document is filtered before the window, so a document's pages
-- never rank another document's values.
-- `regions` (a list, or NULL for all) keeps only those regions' values before the window: the same
-- answer (region is part of every partition), without ranking thousands of counties for 全省.
-- `codes` (a list, or NULL for all) keeps only those indicators' values, the same way.

-- The indicator periods (and series) of a document that came in through more than one upload:
-- the only ones where a key can have several values, since an upload holds a key once (the import
-- refuses a file's duplicate keys). Read from what each upload brought (upload_period: thousands
-- of rows), not from the millions of values. `codes` (a list, or NULL for all) narrows it as it
-- narrows tz_current_actuals. It is not narrowed by region: a period revised in one county sends
-- the other regions' values of that period through the ranking too, which finds the same value.
CREATE OR REPLACE MACRO tz_revised_periods(document, codes) AS TABLE
  SELECT p.indicator_code, p.period, p.series
  FROM upload_period p
  JOIN indicator i ON i.code = p.indicator_code
  WHERE (document IS NULL OR i.document_id = document)
    AND (codes IS NULL OR list_contains(codes, p.indicator_code))
  GROUP BY p.indicator_code, p.period, p.series HAVING count(DISTINCT p.upload_id) > 1;

-- The values that may count as known at `known` (see above), before ranking: tz_current_actuals.
-- `revised_only`: only the keys of indicator periods that came in through more than one upload
-- (those tz_current_actuals ranks). That filter sits on the values themselves, under the joins: as
-- a condition above them, both of tz_current_actuals' branches shared the joins, which DuckDB then
-- computed once and kept whole for both (a common subplan: every value of the document in memory,
-- half the by-region snapshot's time).
CREATE OR REPLACE MACRO tz_counting_candidates(known, document, pending, pending_scope, regions, codes, revised_only) AS TABLE
  SELECT a.*, CASE WHEN r.decision = 'approved' THEN r.decided_at ELSE a.recorded_at END AS counts_from
  FROM (SELECT * FROM actual WHERE NOT revised_only OR (indicator_code, period, series) IN (
      SELECT (v.indicator_code, v.period, v.series) FROM tz_revised_periods(document, codes) v)) a
  JOIN indicator i ON i.code = a.indicator_code
  JOIN upload u ON u.id = a.upload_id AND u.status = 'committed'
  LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id AND w.withdrawn_at <= known
  LEFT JOIN upload_review_request q ON q.upload_id = a.upload_id
  LEFT JOIN upload_review r ON r.upload_id = a.upload_id AND r.decided_at <= known
  WHERE a.recorded_at <= known AND w.upload_id IS NULL
    AND (q.upload_id IS NULL OR r.decision = 'approved' OR (pending AND r.upload_id IS NULL
      AND (pending_scope IS NULL OR a.indicator_code IN (
        SELECT si.code FROM indicator si
        JOIN task_department sd ON sd.document_id = si.document_id AND sd.task_seq = si.task_seq
        WHERE list_contains(pending_scope, sd.department)))))
    AND (document IS NULL OR i.document_id = document)
    AND (regions IS NULL OR list_contains(regions, a.region))
    AND (codes IS NULL OR list_contains(codes, a.indicator_code));

CREATE OR REPLACE MACRO tz_current_actuals(known, document, pending := false, pending_scope := NULL, regions := NULL, codes := NULL) AS TABLE
  -- Most keys have one value: only the keys with several are ranked (a window over millions of
  -- one-row partitions costs seconds), and those lie in the revised periods.
  SELECT c.* EXCLUDE (counts_from)
  FROM tz_counting_candidates(known, document, pending, pending_scope, regions, codes, false) c
  ANTI JOIN tz_revised_periods(document, codes) v
    ON v.indicator_code = c.indicator_code AND v.period = c.period AND v.series = c.series
  UNION ALL
  (SELECT c.* EXCLUDE (counts_from)
  FROM tz_counting_candidates(known, document, pending, pending_scope, regions, codes, true) c
  QUALIFY row_number() OVER (
    PARTITION BY c.indicator_code, c.region, c.period, c.series
    ORDER BY c.counts_from DESC, c.recorded_at DESC, c.upload_id DESC, c.line DESC
  ) = 1);

-- Every value ever recorded for a document (and one indicator, or NULL for all), with its upload,
-- its approval (needs_approval, review approved|rejected, reviewed_at/by, review_reason), from when
-- it counted (counts_from; NULL while waiting for approval or once rejected) and when it stopped
-- counting (superseded_at): when its upload was withdrawn or rejected, or when a later value for
-- the same key started counting through an upload not withdrawn, whichever was first; NULL while
-- it counts now (and while it waits for approval).
-- `regions` (a list, or NULL for all) keeps only those regions' values before the windows: the same
-- answer (region is part of every key), without reading thousands of counties for 全省's charts.
CREATE OR REPLACE MACRO tz_actual_history(document, code, regions := NULL) AS TABLE
  WITH revised AS (
    -- A value alone for its key (most) stops counting only when withdrawn or rejected: only the
    -- keys with several values need the window that finds the next one counting. (That window
    -- over millions of one-row partitions, carrying every column, cost most of the export.) Those
    -- keys lie in the indicator periods that came in through more than one upload.
    SELECT * FROM tz_revised_periods(document, CASE WHEN code IS NULL THEN NULL ELSE [code] END)
  ),
  contested AS (
    -- Keys counted by hash: a collision only sends a few more values through the window, by
    -- their real key.
    SELECT hash(a.indicator_code, a.region, a.period, a.series) AS key_hash
    FROM actual a
    SEMI JOIN revised v ON v.indicator_code = a.indicator_code AND v.period = a.period AND v.series = a.series
    WHERE regions IS NULL OR list_contains(regions, a.region)
    GROUP BY key_hash HAVING count(*) > 1
  ),
  following AS (
    -- For each value of a contested key: the earliest time a later value (in the order they
    -- started counting) of the same key started counting through an upload not withdrawn.
    SELECT a.rowid AS row_id, min(CASE WHEN w.withdrawn_at IS NULL THEN c.counts_from END) OVER (
        PARTITION BY a.indicator_code, a.region, a.period, a.series
        ORDER BY c.counts_from NULLS LAST, a.recorded_at, a.upload_id, a.line
        ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_counts_from
    FROM actual a
    SEMI JOIN contested k ON k.key_hash = hash(a.indicator_code, a.region, a.period, a.series)
    JOIN upload u ON u.id = a.upload_id AND u.status = 'committed'
    LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id
    LEFT JOIN upload_review_request q ON q.upload_id = a.upload_id
    LEFT JOIN upload_review r ON r.upload_id = a.upload_id
    CROSS JOIN LATERAL (SELECT CASE WHEN q.upload_id IS NULL THEN a.recorded_at
      WHEN r.decision = 'approved' THEN r.decided_at END AS counts_from) c
  ),
  h AS (
    SELECT a.*, i.name AS indicator_name, u.uploaded_by, u.file_name, w.withdrawn_at,
      q.upload_id IS NOT NULL AS needs_approval, r.decision AS review, r.decided_at AS reviewed_at,
      r.decided_by AS reviewed_by, r.reason AS review_reason,
      CASE WHEN q.upload_id IS NULL THEN a.recorded_at WHEN r.decision = 'approved' THEN r.decided_at END
        AS counts_from,
      f.next_counts_from
    FROM actual a
    JOIN indicator i ON i.code = a.indicator_code
    JOIN upload u ON u.id = a.upload_id AND u.status = 'committed'
    LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id
    LEFT JOIN upload_review_request q ON q.upload_id = a.upload_id
    LEFT JOIN upload_review r ON r.upload_id = a.upload_id
    LEFT JOIN following f ON f.row_id = a.rowid
    WHERE i.document_id = document AND (code IS NULL OR a.indicator_code = code)
      AND (regions IS NULL OR list_contains(regions, a.region))
  )
  SELECT h.* EXCLUDE (next_counts_from),
    CASE
      -- Never counted: it stopped (as withdrawn does) when it was rejected or withdrawn.
      WHEN h.counts_from IS NULL
        THEN least(h.withdrawn_at, CASE WHEN h.review = 'rejected' THEN h.reviewed_at END)
      ELSE least(h.withdrawn_at, h.next_counts_from)
    END AS superseded_at
  FROM h;
