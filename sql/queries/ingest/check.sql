-- Reads and checks every staged row: which indicator, region and period it is for, the number it
-- gives, and each problem with the column it is in. $default_region, $default_basis, $default_series
-- come from the upload's options.
CREATE OR REPLACE TEMP TABLE ingest_checked AS
WITH staged AS (
  SELECT s.*,
    nullif(trim(tz_halfwidth(s.indicator_raw)), '') AS indicator_key,
    nullif(trim(s.value_raw), '') AS value_text,
    nullif(trim(s.region_raw), '') AS region_text,
    nullif(trim(s.status_raw), '') AS status_text
  FROM ingest_staged s
),
codes AS (SELECT upper(code) AS code_key, code FROM indicator),
names AS (
  -- A name may be used only if it belongs to exactly one current indicator.
  SELECT name, min(code) AS code, count(*) AS n FROM indicator WHERE retired_at IS NULL GROUP BY name
),
matched AS (
  SELECT s.*,
    i.code, i.name AS indicator_name, i.kind, i.unit, i.target, i.retired_at, d.year AS doc_year,
    n.n AS name_matches,
    coalesce(r.name, ra.region) AS region,
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
    END AS series,
    -- A milestone's status may stand in the status column or, for short files, in the value column.
    CASE coalesce(s.status_text, CASE WHEN i.kind = 'milestone' THEN s.value_text END)
      WHEN '未开始' THEN '未开始' WHEN '进行中' THEN '进行中' WHEN '推进中' THEN '进行中'
      WHEN '已完成' THEN '已完成' WHEN '完成' THEN '已完成'
    END AS milestone_status
  FROM staged s
  LEFT JOIN codes k ON k.code_key = upper(s.indicator_key)
  LEFT JOIN names n ON k.code IS NULL AND n.name = s.indicator_key
  LEFT JOIN indicator i ON i.code = coalesce(k.code, CASE WHEN n.n = 1 THEN n.code END)
  LEFT JOIN document d ON d.id = i.document_id
  LEFT JOIN region r ON r.name = coalesce(s.region_text, $default_region)
  LEFT JOIN region_alias ra ON ra.alias = coalesce(s.region_text, $default_region)
),
classified AS (
  SELECT m.*,
    -- blank: nothing reported in this cell (not zero); such rows are counted and skipped.
    (m.value_text IS NULL AND m.status_text IS NULL AND (m.note_raw IS NULL OR trim(m.note_raw) = '')) AS blank,
    (m.kind = 'milestone') AS is_milestone
  FROM matched m
),
checked AS (
  SELECT c.*,
    list_filter([
      CASE WHEN c.indicator_key IS NULL THEN
        {code: 'missing_indicator', col: c.indicator_column, msg: '指标编码为空', found: NULL}
      WHEN c.code IS NULL AND c.name_matches > 1 THEN
        {code: 'ambiguous_indicator', col: c.indicator_column,
         msg: '指标名称“' || c.indicator_key || '”对应多个指标，请改用指标编码', found: c.indicator_key}
      WHEN c.code IS NULL THEN
        {code: 'unknown_indicator', col: c.indicator_column, msg: '指标编码不存在：“' || c.indicator_key || '”', found: c.indicator_key}
      WHEN c.retired_at IS NOT NULL THEN
        {code: 'retired_indicator', col: c.indicator_column, msg: '指标 ' || c.code || ' 已停用，不再接受填报', found: c.indicator_key}
      END,
      CASE WHEN c.blank THEN NULL
      WHEN c.month_no IS NULL AND (c.period_raw IS NULL OR trim(c.period_raw) = '') THEN
        {code: 'missing_period', col: c.period_column, msg: '统计期为空，应写成 2021-10、2021年10月 或 202110', found: NULL}
      WHEN c.period IS NULL THEN
        {code: 'bad_period', col: c.period_column,
         msg: '无法识别统计期“' || c.period_raw || '”，应写成 2021-10、2021年10月 或 202110', found: c.period_raw}
      WHEN c.doc_year IS NOT NULL AND year(c.period) <> c.doc_year THEN
        {code: 'period_outside_year', col: c.period_column,
         msg: '统计期 ' || strftime(c.period, '%Y-%m') || ' 不在该指标所属文件的年度（' || c.doc_year || '年）内', found: coalesce(c.period_raw, c.value_column)}
      END,
      CASE WHEN c.region IS NULL THEN
        {code: 'unknown_region', col: c.region_column,
         msg: '地区“' || coalesce(c.region_text, $default_region) || '”不在地区表中，应为全省、市（州）或县（市、区）的规范名称', found: c.region_text}
      END,
      CASE WHEN c.blank OR c.code IS NULL THEN NULL
      WHEN c.is_milestone AND c.milestone_status IS NULL AND c.status_text IS NOT NULL THEN
        {code: 'bad_status', col: c.status_column, msg: '无法识别状态“' || c.status_text || '”，应为 未开始、进行中 或 已完成', found: c.status_text}
      WHEN c.is_milestone AND c.milestone_status IS NULL AND c.value_text IS NOT NULL AND c.number IS NULL THEN
        {code: 'bad_status', col: c.value_column, msg: '节点任务应填写状态：未开始、进行中 或 已完成，而不是“' || c.value_text || '”', found: c.value_text}
      WHEN NOT c.is_milestone AND c.value_text IS NULL AND c.milestone_status IS NULL THEN NULL
      WHEN NOT c.is_milestone AND c.number IS NULL THEN
        {code: 'bad_number', col: c.value_column,
         msg: '无法识别数值“' || c.value_text || '”，应为数字，如 36000、3.6万 或 90%', found: c.value_text}
      WHEN NOT c.is_milestone AND c.suffix <> '' AND c.suffix <> coalesce(c.unit, '') THEN
        {code: 'unit_mismatch', col: c.value_column,
         msg: '数值带的单位“' || c.suffix || '”与指标单位“' || coalesce(c.unit, '无') || '”不符', found: c.value_text}
      WHEN NOT c.is_milestone AND c.number < 0 THEN
        {code: 'negative', col: c.value_column, msg: '数值不能为负数：' || c.value_text, found: c.value_text}
      END,
      CASE WHEN c.basis IS NULL THEN
        {code: 'bad_basis', col: c.basis_column, msg: '无法识别口径“' || c.basis_raw || '”，应为 累计 或 当月', found: c.basis_raw}
      END,
      CASE WHEN c.series IS NULL THEN
        {code: 'bad_series', col: c.series_column, msg: '无法识别类型“' || c.series_raw || '”，应为 实际 或 计划', found: c.series_raw}
      END
    ], p -> p IS NOT NULL) AS errors,
    list_filter([
      CASE WHEN NOT c.is_milestone AND c.target > 0 AND c.number > 3 * c.target THEN
        {code: 'over_target', col: c.value_column,
         msg: '数值 ' || c.value_text || ' 超过目标值的 3 倍，请核对是否多写了位数或单位', found: c.value_text}
      END,
      CASE WHEN c.unit = '%' AND c.number > 100 THEN
        {code: 'over_100_percent', col: c.value_column, msg: '百分比大于 100：' || c.value_text, found: c.value_text}
      END
    ], p -> p IS NOT NULL) AS warnings
  FROM classified c
)
SELECT k.*,
  -- The same indicator, region, period and series twice in one file: the later lines are errors.
  CASE WHEN k.code IS NOT NULL AND k.period IS NOT NULL AND k.region IS NOT NULL AND NOT k.blank THEN
    min(k.line) FILTER (WHERE NOT k.blank) OVER (PARTITION BY k.code, k.region, k.period, k.series)
  END AS first_line
FROM checked k
