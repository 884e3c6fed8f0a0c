-- Reads and checks every staged row: which indicator, region and period it is for, the number it
-- gives, and a short code for each problem, one column per column of the file (e_indicator,
-- e_period, e_region, e_value, e_basis, e_series, e_note; w_value for a warning). Messages are
-- written later, for the problem rows only (problems.sql), so a clean million-row file costs little;
-- duplicates are marked after (check_duplicates.sql). The table is kept narrow: what was read from
-- each cell and its codes; writing a million rows of every column read costs more than the checks.
-- `cell` is the staged row (its rowid), where the messages find the raw texts again.
-- Indicator and region texts were resolved once each (indicator_texts.sql, region_texts.sql), and
-- so is each period text here; the rows find theirs by hash joins on the raw text. (Basis, series and
-- status stay a CASE per row: a join of a million rows costs more than those few comparisons.)
-- $default_basis and $default_series come from the upload's options.
CREATE OR REPLACE TEMP TABLE ingest_checked AS
WITH period_texts AS (
  SELECT period_raw, tz_period(period_raw) AS period, (period_raw IS NULL OR trim(period_raw) = '') AS period_blank,
    -- 2021.1 is January as written, but Excel shows 2021.10 typed in a number cell as 2021.1.
    regexp_full_match(trim(period_raw), '\d{4}\.1') AS period_dot_one,
    -- 3月, 3月份, 1-3月 with no year (nor one in the title): the month, in the indicator's document's year.
    CASE WHEN regexp_full_match(trim(period_raw), '(\d{1,2}\s*[-—~至到]\s*)?\d{1,2}\s*月(份|末|底)?')
      THEN CAST(regexp_extract(trim(period_raw), '(\d{1,2})\s*月', 1) AS INTEGER) END AS period_month
  FROM (SELECT DISTINCT period_raw FROM ingest_staged)
),
matched AS (
  SELECT s.rowid AS cell, s.line, s.note_raw, s.month_no,
    it.code, it.kind, it.unit, it.target, it.doc_year, it.last_year, it.e_indicator,
    rt.region, pt.period_blank, pt.period_dot_one,
    nullif(trim(s.value_raw), '') AS value_text,
    -- tz_number and tz_number_suffix, with the text of a number that is not plain made once (the
    -- two columns name the one before them: DuckDB's lateral column aliases).
    tz_plain_number(value_text) AS value_plain,
    -- 约6.1万户, 近300人: approximate as 300余 is (a warning says so); the number after the word.
    NOT value_plain AND regexp_matches(value_text, '^(约|大约|近|逾)\s*\d') AS value_about,
    -- 1200*, 3500①: a footnote mark after the figure, as after a name, is not part of it.
    CASE WHEN NOT value_plain
      THEN regexp_replace(tz_number_text(CASE WHEN value_about THEN regexp_replace(value_text, '^(约|大约|近|逾)\s*', '') ELSE value_text END),
        '[*※①-⑳]+$', '')
    END AS number_text,
    nullif(trim(s.status_raw), '') AS status_text,
    CASE WHEN s.month_no IS NOT NULL
      THEN last_day(make_date(coalesce(s.month_year, it.doc_year, year(current_date)), s.month_no, 1))
      -- In a plan of several years, the latest of its years whose month has come.
      WHEN pt.period_month BETWEEN 1 AND 12
        THEN last_day(make_date(CASE WHEN it.doc_year IS NULL THEN year(current_date)
          ELSE least(it.last_year, greatest(it.doc_year,
            year(current_date) - CASE WHEN pt.period_month > month(current_date) THEN 1 ELSE 0 END)) END,
          pt.period_month, 1))
      ELSE pt.period END AS period,
    CASE
      WHEN s.basis_raw IS NULL OR trim(s.basis_raw) = '' THEN $default_basis
      WHEN trim(s.basis_raw) IN ('累计', '累计值', '年累计', 'cumulative') THEN 'cumulative'
      WHEN trim(s.basis_raw) IN ('当月', '本月', '当期', 'increment') THEN 'increment'
    END AS basis,
    CASE
      WHEN s.series_raw IS NULL OR trim(s.series_raw) = '' THEN $default_series
      WHEN trim(s.series_raw) IN ('实际', '实际值', '完成', '实际完成', '完成值', '完成数', '实际数', 'actual') THEN 'actual'
      WHEN trim(s.series_raw) IN ('计划', '计划值', '计划数', '分月计划', '月度计划', 'plan') THEN 'plan'
      WHEN trim(s.series_raw) IN ('目标', '目标值', '分解目标', '目标分解', '任务目标', 'target') THEN 'target'
    END AS series
  FROM ingest_staged s
  LEFT JOIN ingest_indicator_texts it ON it.indicator_raw IS NOT DISTINCT FROM s.indicator_raw
  LEFT JOIN ingest_region_texts rt ON rt.region_raw IS NOT DISTINCT FROM s.region_raw
  LEFT JOIN period_texts pt ON pt.period_raw IS NOT DISTINCT FROM s.period_raw
),
valued AS (
  SELECT m.*,
    CASE WHEN m.value_plain THEN CAST(m.value_text AS DOUBLE) ELSE tz_number_of_text(m.number_text) END AS number,
    -- 800（套）: a unit in brackets is the unit.
    CASE WHEN m.value_plain THEN ''
      ELSE regexp_replace(tz_suffix_of_text(m.number_text), '^[（(]\s*([^()（）]*?)\s*[)）]$', '\1') END AS written_suffix,
    -- 300余, 300余人, 30条以上, 约95%: the unit without the words that make the figure approximate
    -- (the figure is read as written, and a warning says so).
    CASE WHEN written_suffix = '' THEN ''
      ELSE regexp_replace(regexp_replace(written_suffix, '^(余|多)', ''), '(余|多|以上|左右)$', '') END AS suffix,
    written_suffix <> suffix OR m.value_about AS approximate,
    -- A milestone's status may stand in the status column or, for short files, in the value column.
    CASE coalesce(m.status_text, CASE WHEN m.kind = 'milestone' THEN m.value_text END)
      WHEN '未开始' THEN '未开始' WHEN '未启动' THEN '未开始' WHEN '尚未启动' THEN '未开始'
      WHEN '暂未启动' THEN '未开始' WHEN '未开展' THEN '未开始' WHEN '尚未开展' THEN '未开始'
      WHEN '进行中' THEN '进行中' WHEN '推进中' THEN '进行中' WHEN '正在推进' THEN '进行中'
      WHEN '正在实施' THEN '进行中' WHEN '实施中' THEN '进行中' WHEN '已启动' THEN '进行中'
      -- As 台账 write progress: on plan, partly done or late are all still under way.
      WHEN '按计划推进' THEN '进行中' WHEN '正常推进' THEN '进行中' WHEN '有序推进' THEN '进行中'
      WHEN '稳步推进' THEN '进行中' WHEN '持续推进' THEN '进行中' WHEN '已开工' THEN '进行中'
      WHEN '基本完成' THEN '进行中' WHEN '已完成阶段性任务' THEN '进行中' WHEN '阶段性完成' THEN '进行中'
      WHEN '滞后' THEN '进行中' WHEN '进度滞后' THEN '进行中' WHEN '推进滞后' THEN '进行中'
      WHEN '已完成' THEN '已完成' WHEN '完成' THEN '已完成' WHEN '全部完成' THEN '已完成'
      WHEN '已办结' THEN '已完成' WHEN '√' THEN '已完成' WHEN '✓' THEN '已完成' WHEN '✔' THEN '已完成'
    END AS milestone_status,
    -- blank: nothing reported in this cell (not zero); such rows are counted and skipped.
    (m.value_text IS NULL AND m.status_text IS NULL AND (m.note_raw IS NULL OR trim(m.note_raw) = '')) AS blank
  FROM matched m
),
checked AS (
  SELECT v.*,
    CASE
      WHEN v.blank THEN NULL
      -- A regional target is for the indicator's own deadline: a period, if given, is not read.
      WHEN v.series = 'target' THEN NULL
      WHEN v.month_no IS NULL AND v.period_blank THEN 'missing_period'
      WHEN v.period IS NULL THEN 'bad_period'
      WHEN v.doc_year IS NOT NULL AND year(v.period) NOT BETWEEN v.doc_year AND v.last_year THEN 'period_outside_year'
    END AS e_period,
    CASE
      WHEN v.region IS NULL THEN 'unknown_region'
      -- The province's own target is the document's; an administrator revises it on the indicator page.
      WHEN v.series = 'target' AND NOT v.blank AND v.region = '全省' THEN 'province_target'
    END AS e_region,
    CASE
      WHEN v.blank OR v.code IS NULL THEN NULL
      WHEN v.series = 'target' AND v.kind = 'milestone' THEN 'milestone_target'
      WHEN v.series = 'target' AND v.value_text IS NULL THEN 'missing_target'
      WHEN v.kind = 'milestone' AND v.milestone_status IS NULL AND v.status_text IS NOT NULL THEN 'bad_status'
      WHEN v.kind = 'milestone' AND v.milestone_status IS NULL AND v.value_text IS NOT NULL AND v.number IS NULL THEN 'bad_status_value'
      WHEN v.kind <> 'milestone' AND v.value_text IS NULL THEN NULL
      WHEN v.kind <> 'milestone' AND v.number IS NULL THEN 'bad_number'
      WHEN v.kind <> 'milestone' AND v.suffix <> '' AND v.suffix <> coalesce(v.unit, '') THEN 'unit_mismatch'
      WHEN v.kind <> 'milestone' AND v.number < 0 THEN 'negative'
    END AS e_value,
    CASE WHEN v.basis IS NULL THEN 'bad_basis' END AS e_basis,
    CASE WHEN v.series IS NULL THEN 'bad_series' END AS e_series,
    -- The single-value form's limit: a note is a sentence of progress, not a document.
    CASE WHEN length(v.note_raw) > 500 THEN 'note_too_long' END AS e_note,
    -- One warning per row: the value's, or else its period's (problems.sql reports each against its column).
    CASE
      WHEN v.kind <> 'milestone' AND v.series <> 'target' AND v.target > 0 AND v.number > 3 * v.target THEN 'over_target'
      WHEN v.unit = '%' AND v.number > 100 THEN 'over_100_percent'
      -- 0.88 for 88%: a share written as a fraction (a percent sign written with it says otherwise).
      WHEN v.unit = '%' AND v.number > 0 AND v.number < 1 AND v.suffix = '' THEN 'fraction_percent'
      WHEN v.period_dot_one AND NOT v.blank THEN 'period_dot_one'
      WHEN v.approximate AND v.number IS NOT NULL AND v.kind <> 'milestone' THEN 'approximate_value'
    END AS w_value
  FROM valued v
)
SELECT c.cell, c.line, c.note_raw,
  c.code, c.region, CASE WHEN c.series = 'target' THEN NULL ELSE c.period END AS period, c.series, c.number,
  c.basis, c.milestone_status, c.blank,
  c.e_indicator, c.e_period, c.e_region, c.e_value, c.e_basis, c.e_series, c.e_note, c.w_value,
  (c.e_indicator IS NOT NULL OR c.e_period IS NOT NULL OR c.e_region IS NOT NULL OR c.e_value IS NOT NULL
    OR c.e_basis IS NOT NULL OR c.e_series IS NOT NULL OR c.e_note IS NOT NULL) AS has_error,
  -- The first line of the same key, where a later line repeats it: set by check_duplicates.sql.
  NULL::INTEGER AS first_line
FROM checked c
