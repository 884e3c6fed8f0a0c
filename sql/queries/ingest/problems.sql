-- Every problem of the staged rows with its message, in line order; an unknown indicator gets its
-- nearest match. Only rows with a problem are touched.
-- The problems are raised from ingest_checked alone, in one scan: one per column with a code (the
-- role of the column it is reported against, its code and severity). Only the first $limit are then
-- given what their messages need: their raw texts (the staged row), the header of their table
-- (ingest_columns, by line), and their indicator and region texts as resolved.
WITH repeated AS (
  -- A row of a wide table that repeats an earlier one repeats it in each of its columns: one problem
  -- per row and line it repeats, on its first cell (summary.sql counts them the same way).
  SELECT min(cell) AS cell FROM ingest_checked WHERE first_line <> line GROUP BY line, first_line
),
raised_cells AS (
  SELECT * EXCLUDE (p), p.role, p.code_, p.severity
  FROM (
    SELECT c.*, unnest([
      {role: 'indicator', code_: c.e_indicator, severity: 'error'},
      {role: 'period', code_: c.e_period, severity: 'error'},
      {role: 'region', code_: c.e_region, severity: 'error'},
      {role: CASE WHEN c.e_value = 'bad_status' THEN 'status' ELSE 'value' END, code_: c.e_value, severity: 'error'},
      {role: 'basis', code_: c.e_basis, severity: 'error'},
      {role: 'series', code_: c.e_series, severity: 'error'},
      {role: 'note', code_: c.e_note, severity: 'error'},
      {role: CASE WHEN c.w_value = 'period_dot_one' THEN 'period' ELSE 'value' END, code_: c.w_value, severity: 'warning'},
      {role: 'indicator', code_: CASE WHEN c.cell IN (SELECT cell FROM repeated) THEN 'duplicate_key' END,
        severity: 'error'}
    ]) AS p
    FROM ingest_checked c
    WHERE c.has_error OR c.w_value IS NOT NULL OR (c.first_line IS NOT NULL AND c.first_line <> c.line)
  )
  WHERE p.code_ IS NOT NULL
),
raised AS (
  -- A row's own cells (its indicator, region, basis, series, note) are wrong once for the row, not
  -- once per month column of a wide table (summary.sql counts them the same way).
  SELECT * FROM raised_cells
  QUALIFY role NOT IN ('indicator', 'region', 'basis', 'series', 'note') OR code_ = 'duplicate_key'
    OR row_number() OVER (PARTITION BY line, role, code_ ORDER BY cell) = 1
),
first_problems AS (
  SELECT r.*, s.* EXCLUDE (line, note_raw),
    CASE r.role
      WHEN 'indicator' THEN h.indicator_column WHEN 'period' THEN h.period_column WHEN 'region' THEN h.region_column
      WHEN 'status' THEN h.status_column WHEN 'value' THEN s.value_column WHEN 'basis' THEN h.basis_column
      WHEN 'series' THEN h.series_column WHEN 'note' THEN h.note_column
    END AS col,
    it.indicator_key, it.departments, it.doc_year, it.last_year, it.unit, rt.region_text,
    nullif(trim(s.value_raw), '') AS value_text, nullif(trim(s.status_raw), '') AS status_text,
    tz_number_suffix(nullif(trim(s.value_raw), '')) AS suffix
  FROM (SELECT * FROM raised ORDER BY line, severity, code_ LIMIT $limit) r
  JOIN ingest_staged s ON s.rowid = r.cell
  ASOF LEFT JOIN ingest_columns h ON r.line >= h.line_from
  LEFT JOIN ingest_indicator_texts it ON it.indicator_raw IS NOT DISTINCT FROM s.indicator_raw
  LEFT JOIN ingest_region_texts rt ON rt.region_raw IS NOT DISTINCT FROM s.region_raw
),
unknown AS (
  SELECT DISTINCT indicator_key FROM first_problems WHERE code_ = 'unknown_indicator'
),
nearest AS (
  -- The most similar code or name; ties go to the lowest code, so the hint never flickers.
  SELECT u.indicator_key, i.code || ' ' || i.name AS suggestion
  FROM unknown u CROSS JOIN indicator i
  WHERE i.retired_at IS NULL
  -- A code is compared letter by letter; a name by the characters it shares (a clerk's 棚户区改造
  -- against 改造各类棚户区: Jaro-Winkler, which weighs the order of characters, found a bus line's
  -- renovation nearer), and a name inside the other wins.
  QUALIFY row_number() OVER (
    PARTITION BY u.indicator_key
    ORDER BY greatest(jaro_winkler_similarity(upper(u.indicator_key), upper(i.code)),
                      jaccard(u.indicator_key, i.name),
                      CASE WHEN contains(i.name, u.indicator_key) OR contains(u.indicator_key, i.name) THEN 0.99 END) DESC, i.code
  ) = 1
)
SELECT c.line, c.col AS column_name, c.severity, c.code_ AS code,
  CASE c.code_
    WHEN 'missing_indicator' THEN '指标编码为空'
    WHEN 'ambiguous_indicator' THEN '指标名称“' || c.indicator_key || '”对应多个指标，请改用指标编码'
    WHEN 'unknown_indicator' THEN CASE WHEN regexp_matches(c.indicator_key, '^\d{4}-')
      THEN '指标编码不存在：“' || c.indicator_key || '”' ELSE '指标目录中没有名为“' || c.indicator_key || '”的指标' END
      || coalesce('，最接近的是 ' || n.suggestion, '')
    WHEN 'retired_indicator' THEN '指标 ' || c.code || ' 已停用，不再接受填报'
    WHEN 'outside_scope' THEN '指标 ' || c.code || ' 由 ' || coalesce(c.departments, '其他单位') || ' 负责，不在您账号的填报范围内'
    WHEN 'missing_period' THEN '统计期为空，应写成 2021-10、2021年10月 或 202110'
    WHEN 'bad_period' THEN '无法识别统计期“' || c.period_raw || '”，应写成 2021-10、2021年10月 或 202110'
    WHEN 'period_outside_year' THEN '统计期 ' || strftime(c.period, '%Y-%m') || ' 不在该指标所属文件的年度（'
      || c.doc_year || CASE WHEN c.last_year > c.doc_year THEN '–' || c.last_year ELSE '' END || '年）内'
      || CASE WHEN year(c.period) < c.doc_year
           THEN '；如果这是上年同期数（只用于比较），请删除这一列（或这张工作表）后再上传' ELSE '' END
    WHEN 'unknown_region' THEN '地区“' || c.region_text || '”不在地区表中，应为全省、市（州）或县（市、区）的规范名称'
      || CASE WHEN contains(c.region_text, '本级') THEN '（“本级”不单独导入：请填写整个市（州）的数值，或删除这一行）'
           WHEN regexp_matches(c.region_text, '(局|厅|委|办|政府|中心)$') THEN '（请填写地区名称，如“长春市”，而不是单位名称）'
           ELSE '' END
    WHEN 'bad_status' THEN '无法识别状态“' || c.status_text || '”，应为 未开始、进行中 或 已完成'
    WHEN 'bad_status_value' THEN '节点任务应填写状态：未开始、进行中 或 已完成，而不是“' || c.value_text || '”'
    WHEN 'bad_number' THEN '无法识别数值“' || c.value_text || '”，应为数字，如 36000、3.6万 或 90%'
      || CASE WHEN regexp_full_match(c.value_text, '[+-]?\d+(\.\d+)?[eE][+-]?\d+')
           THEN '（这是科学计数法，另存 CSV 时可能已丢失位数：请在 Excel 中把该列设为“数值”格式后重新保存）'
           WHEN regexp_matches(c.value_text, '^[+-]?\d[\d.,]*[万亿]?[^()（）\d]{0,4}[（(]') THEN '（括号中的说明请写在“备注”列）'
           WHEN regexp_matches(c.value_text, '[一-龥]{2,}\d') THEN '（数值列只填数字，文字说明请写在“备注”列）'
           ELSE '' END
    WHEN 'unit_mismatch' THEN '数值带的单位“' || c.suffix || '”与指标单位“' || coalesce(c.unit, '无') || '”不符'
    WHEN 'negative' THEN '数值不能为负数：' || c.value_text
    WHEN 'bad_basis' THEN '无法识别口径“' || c.basis_raw || '”，应为 累计 或 当月'
    WHEN 'bad_series' THEN '无法识别类型“' || c.series_raw || '”，应为 实际、计划 或 目标（目标分解）'
    WHEN 'province_target' THEN '全省目标以文件为准，不能通过上传修改；目标分解应写到市（州）或县（市、区），如需调整全省目标，请由管理员在指标页“调整目标”中修订'
    WHEN 'milestone_target' THEN '指标 ' || c.code || ' 是节点任务，没有可分解到地区的数值目标'
    WHEN 'missing_target' THEN '目标值为空：类型为“目标”的行应填写分解到该地区的目标数'
    WHEN 'note_too_long' THEN '备注有 ' || length(c.note_raw) || ' 个字，超过 500 个字的上限，请精简后再上传'
    WHEN 'over_target' THEN '数值 ' || c.value_text || ' 超过目标值的 3 倍，请核对是否多写了位数或单位'
    WHEN 'over_100_percent' THEN '百分比大于 100：' || c.value_text
    WHEN 'fraction_percent' THEN '数值 ' || c.value_text || ' 小于 1，而该指标的单位是 %：如果是比例（如 0.88 即 88%），请写成 88 或 88%'
    WHEN 'cumulative_down' THEN '累计数 ' || c.value_text || ' 比本文件中同一年此前月份的累计数小：如果这一列是当月数（每月新增），请在表头写明“当月”，或加一列“口径”填写“当月”'
    WHEN 'approximate_value' THEN '“' || c.value_text || '”是约数，按 ' || regexp_replace(CAST(c.number AS VARCHAR), '\.0$', '') || ' 导入；如有准确数，请填写准确数'
    WHEN 'period_dot_one' THEN '统计期“' || c.period_raw || '”按 1 月读取；如果是 10 月（Excel 把数字 2021.10 显示为 2021.1），请改写成 2021-10'
    WHEN 'duplicate_key' THEN '与第' || c.first_line || '行重复：' || CASE WHEN c.series = 'target'
      THEN '同一指标、地区的分解目标' ELSE '同一指标、地区、统计期' END || '在文件中出现了两次'
  END AS message,
  CASE c.code_
    WHEN 'missing_indicator' THEN NULL WHEN 'missing_period' THEN NULL WHEN 'missing_target' THEN NULL
    WHEN 'unknown_indicator' THEN c.indicator_key WHEN 'ambiguous_indicator' THEN c.indicator_key
    WHEN 'retired_indicator' THEN c.indicator_key WHEN 'outside_scope' THEN c.indicator_key
    WHEN 'bad_period' THEN c.period_raw WHEN 'period_dot_one' THEN c.period_raw WHEN 'period_outside_year' THEN coalesce(c.period_raw, c.value_column)
    WHEN 'unknown_region' THEN c.region_raw WHEN 'province_target' THEN c.region_text
    WHEN 'bad_status' THEN c.status_text
    WHEN 'bad_basis' THEN c.basis_raw WHEN 'bad_series' THEN c.series_raw
    WHEN 'note_too_long' THEN left(c.note_raw, 40) || '…'
    ELSE c.value_text
  END AS found
FROM first_problems c
LEFT JOIN nearest n ON n.indicator_key = c.indicator_key
ORDER BY c.line, c.severity, c.code_
