-- Every value ever recorded for a document's indicators, for auditors: what was reported, for which
-- period and region, by which upload, when it was recorded and when it stopped counting (the rule:
-- tz_actual_history, sql/macros/20_counting.sql) and its approval. Text a spreadsheet would run as a formula is
-- neutralised with a leading apostrophe. COPY wraps it (src/export/history.ts); $document is bound.
SELECT indicator_code AS 指标编码, indicator_name AS 指标名称, region AS 地区,
  period AS 统计期, CASE series WHEN 'plan' THEN '计划' ELSE '实际' END AS 类型,
  value AS 数值, CASE basis WHEN 'increment' THEN '当月' ELSE '累计' END AS 口径,
  milestone_status AS 状态, tz_csv_text(note) AS 备注,
  upload_id AS 批次, tz_csv_text(uploaded_by) AS 填报人, tz_csv_text(file_name) AS 文件名,
  line AS 行号, recorded_at AS 记录时间, withdrawn_at AS 撤回时间, superseded_at AS 失效时间,
  CASE WHEN NOT needs_approval THEN '无需审核' WHEN review = 'approved' THEN '已审核' WHEN review = 'rejected' THEN '已驳回'
    ELSE '待审核' END AS 审核, reviewed_at AS 审核时间, tz_csv_text(review_reason) AS 审核意见
FROM tz_actual_history($document, NULL)
ORDER BY indicator_code, region, period, series, recorded_at, upload_id, line
