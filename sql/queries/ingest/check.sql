-- Reads and checks every staged row: which indicator, region and period it is for, the number it
-- gives, and a short code for each problem, one column per column of the file (e_indicator,
-- e_period, e_region, e_value, e_basis, e_series; w_value for a warning). Messages are written
-- later, for the problem rows only (problems.sql), so a clean million-row file costs little.
-- $default_region, $default_basis, $default_series come from the upload's options; $scope is the
-- uploader's departments (a reporter's), or NULL for all: an indicator of no department in it is an error.
CREATE OR REPLACE TEMP TABLE ingest_checked AS
WITH staged AS (
  SELECT s.*,
    nullif(tz_halfwidth(s.indicator_raw), '') AS indicator_key,
    nullif(trim(s.value_raw), '') AS value_text,
    coalesce(nullif(trim(s.region_raw), ''), $default_region) AS region_text,
    nullif(trim(s.status_raw), '') AS status_text
  FROM ingest_staged s
),
-- Each distinct indicator key and region text is resolved once, not once per row.
indicator_keys AS (
  SELECT k.indicator_key,
    coalesce(by_code.code, CASE WHEN by_name.n = 1 THEN by_name.code END) AS code,
    by_name.n AS name_matches
  -- Keys read from the staged table itself, so that the CTE above stays inlined (a CTE used twice
  -- is materialised and loses its row count, and the planner then builds hash tables on the wrong side).
  FROM (SELECT DISTINCT nullif(tz_halfwidth(indicator_raw), '') AS indicator_key FROM ingest_staged) k
  LEFT JOIN indicator by_code ON upper(by_code.code) = upper(k.indicator_key)
  -- A name may be used only if it belongs to exactly one current indicator.
  LEFT JOIN (SELECT name, min(code) AS code, count(*) AS n FROM indicator WHERE retired_at IS NULL GROUP BY name) by_name
    ON by_code.code IS NULL AND by_name.name = k.indicator_key
),
-- Per indicator, its departments and whether the uploader may report it (65 rows, not per row).
scoped AS (
  SELECT i.code, string_agg(td.department, '、' ORDER BY td.position) AS departments,
    $scope IS NULL OR coalesce(bool_or(list_contains($scope, td.department)), false) AS in_scope
  FROM indicator i
  JOIN task_department td ON td.document_id = i.document_id AND td.task_seq = i.task_seq
  GROUP BY i.code
),
region_keys AS (
  SELECT k.region_text, coalesce(r.name, ra.region) AS region
  FROM (SELECT DISTINCT coalesce(nullif(trim(region_raw), ''), $default_region) AS region_text FROM ingest_staged) k
  LEFT JOIN region r ON r.name = k.region_text
  LEFT JOIN region_alias ra ON ra.alias = k.region_text
),
matched AS (
  SELECT s.*,
    ik.code, ik.name_matches, i.name AS indicator_name, i.kind, i.unit, i.target, i.retired_at, d.year AS doc_year,
    greatest(d.year, coalesce(sp.last_year, d.year)) AS last_year,
    rk.region, sc.departments, sc.in_scope,
    CASE WHEN s.month_no IS NOT NULL
      THEN last_day(make_date(coalesce(s.month_year, d.year, year(current_date)), s.month_no, 1))
      ELSE tz_period(s.period_raw) END AS period,
    tz_number(s.value_text) AS number,
    tz_number_suffix(s.value_text) AS suffix,
    CASE
      WHEN s.basis_raw IS NULL OR trim(s.basis_raw) = '' THEN $default_basis
      WHEN trim(s.basis_raw) IN ('累计', '累计值', '年累计', 'cumulative') THEN 'cumulative'
      WHEN trim(s.basis_raw) IN ('当月', '本月', '当期', 'increment') THEN 'increment'
    END AS basis,
    CASE
      WHEN s.series_raw IS NULL OR trim(s.series_raw) = '' THEN $default_series
      WHEN trim(s.series_raw) IN ('实际', '实际值', '完成', 'actual') THEN 'actual'
      WHEN trim(s.series_raw) IN ('计划', '计划值', '分月计划', 'plan') THEN 'plan'
      WHEN trim(s.series_raw) IN ('目标', '目标值', '分解目标', '目标分解', '任务目标', 'target') THEN 'target'
    END AS series,
    -- A milestone's status may stand in the status column or, for short files, in the value column.
    CASE coalesce(s.status_text, CASE WHEN i.kind = 'milestone' THEN s.value_text END)
      WHEN '未开始' THEN '未开始' WHEN '进行中' THEN '进行中' WHEN '推进中' THEN '进行中'
      WHEN '已完成' THEN '已完成' WHEN '完成' THEN '已完成'
    END AS milestone_status,
    -- blank: nothing reported in this cell (not zero); such rows are counted and skipped.
    (s.value_text IS NULL AND s.status_text IS NULL AND (s.note_raw IS NULL OR trim(s.note_raw) = '')) AS blank
  FROM staged s
  LEFT JOIN indicator_keys ik ON ik.indicator_key = s.indicator_key
  LEFT JOIN indicator i ON i.code = ik.code
  LEFT JOIN document d ON d.id = i.document_id
  -- The years a document covers: its own to its latest deadline (a plan to 2025 takes 2023's figures).
  LEFT JOIN (SELECT document_id, max(year(deadline)) AS last_year FROM indicator WHERE retired_at IS NULL GROUP BY ALL) sp
    ON sp.document_id = i.document_id
  LEFT JOIN region_keys rk ON rk.region_text = s.region_text
  LEFT JOIN scoped sc ON sc.code = ik.code
),
checked AS (
  SELECT m.*,
    CASE
      WHEN m.indicator_key IS NULL THEN 'missing_indicator'
      WHEN m.code IS NULL AND m.name_matches > 1 THEN 'ambiguous_indicator'
      WHEN m.code IS NULL THEN 'unknown_indicator'
      WHEN m.retired_at IS NOT NULL THEN 'retired_indicator'
      WHEN NOT coalesce(m.in_scope, $scope IS NULL) THEN 'outside_scope'
    END AS e_indicator,
    CASE
      WHEN m.blank THEN NULL
      -- A regional target is for the indicator's own deadline: a period, if given, is not read.
      WHEN m.series = 'target' THEN NULL
      WHEN m.month_no IS NULL AND (m.period_raw IS NULL OR trim(m.period_raw) = '') THEN 'missing_period'
      WHEN m.period IS NULL THEN 'bad_period'
      WHEN m.doc_year IS NOT NULL AND year(m.period) NOT BETWEEN m.doc_year AND m.last_year THEN 'period_outside_year'
    END AS e_period,
    CASE
      WHEN m.region IS NULL THEN 'unknown_region'
      -- The province's own target is the document's; an administrator revises it on the indicator page.
      WHEN m.series = 'target' AND NOT m.blank AND m.region = '全省' THEN 'province_target'
    END AS e_region,
    CASE
      WHEN m.blank OR m.code IS NULL THEN NULL
      WHEN m.series = 'target' AND m.kind = 'milestone' THEN 'milestone_target'
      WHEN m.series = 'target' AND m.value_text IS NULL THEN 'missing_target'
      WHEN m.kind = 'milestone' AND m.milestone_status IS NULL AND m.status_text IS NOT NULL THEN 'bad_status'
      WHEN m.kind = 'milestone' AND m.milestone_status IS NULL AND m.value_text IS NOT NULL AND m.number IS NULL THEN 'bad_status_value'
      WHEN m.kind <> 'milestone' AND m.value_text IS NULL THEN NULL
      WHEN m.kind <> 'milestone' AND m.number IS NULL THEN 'bad_number'
      WHEN m.kind <> 'milestone' AND m.suffix <> '' AND m.suffix <> coalesce(m.unit, '') THEN 'unit_mismatch'
      WHEN m.kind <> 'milestone' AND m.number < 0 THEN 'negative'
    END AS e_value,
    CASE WHEN m.basis IS NULL THEN 'bad_basis' END AS e_basis,
    CASE WHEN m.series IS NULL THEN 'bad_series' END AS e_series,
    -- The single-value form's limit: a note is a sentence of progress, not a document.
    CASE WHEN length(m.note_raw) > 500 THEN 'note_too_long' END AS e_note,
    CASE
      WHEN m.kind <> 'milestone' AND m.series <> 'target' AND m.target > 0 AND m.number > 3 * m.target THEN 'over_target'
      WHEN m.unit = '%' AND m.number > 100 THEN 'over_100_percent'
    END AS w_value
  FROM matched m
),
flagged AS (
  SELECT c.*,
    (c.e_indicator IS NOT NULL OR c.e_period IS NOT NULL OR c.e_region IS NOT NULL OR c.e_value IS NOT NULL
      OR c.e_basis IS NOT NULL OR c.e_series IS NOT NULL OR c.e_note IS NOT NULL) AS has_error
  FROM checked c
),
-- The same indicator, region, period and series twice in one file: the later lines are errors.
-- A grouped count joined back is far cheaper than a window over a million rows, and most files have
-- no duplicate at all.
duplicates AS (
  SELECT code, region, CASE WHEN series = 'target' THEN NULL ELSE period END AS period, series,
    min(line) AS first_line
  FROM flagged
  WHERE code IS NOT NULL AND (period IS NOT NULL OR series = 'target') AND region IS NOT NULL AND NOT blank
  GROUP BY ALL
  HAVING count(*) > 1
)
SELECT k.* REPLACE (CASE WHEN k.series = 'target' THEN NULL ELSE k.period END AS period),
  CASE WHEN k.code IS NOT NULL AND (k.period IS NOT NULL OR k.series = 'target') AND k.region IS NOT NULL AND NOT k.blank
    THEN coalesce(d.first_line, k.line) END AS first_line
FROM flagged k
LEFT JOIN duplicates d
  ON d.code = k.code AND d.region = k.region AND d.series = k.series
    AND d.period IS NOT DISTINCT FROM CASE WHEN k.series = 'target' THEN NULL ELSE k.period END
