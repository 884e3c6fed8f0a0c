-- Every value ever recorded for a document's indicators, for auditors: what was reported, for which
-- period and region, by which upload, when it was recorded and when it stopped counting (superseded
-- by a later value from an upload not withdrawn, or withdrawn itself). Text a spreadsheet would run
-- as a formula is neutralised with a leading apostrophe. $document is spliced by the export module
-- after checking it against the catalogue's id pattern (COPY cannot bind parameters).
SELECT a.indicator_code AS 指标编码, i.name AS 指标名称, a.region AS 地区,
  a.period AS 统计期, CASE a.series WHEN 'plan' THEN '计划' ELSE '实际' END AS 类型,
  a.value AS 数值, CASE a.basis WHEN 'increment' THEN '当月' ELSE '累计' END AS 口径,
  a.milestone_status AS 状态,
  CASE WHEN regexp_matches(a.note, '^[=+\-@\t\r]') THEN '''' || a.note ELSE a.note END AS 备注,
  a.upload_id AS 批次, u.uploaded_by AS 填报人,
  CASE WHEN regexp_matches(u.file_name, '^[=+\-@\t\r]') THEN '''' || u.file_name ELSE u.file_name END AS 文件名,
  a.line AS 行号, a.recorded_at AS 记录时间, w.withdrawn_at AS 撤回时间,
  least(w.withdrawn_at, min(CASE WHEN w.withdrawn_at IS NULL THEN a.recorded_at END) OVER (
    PARTITION BY a.indicator_code, a.region, a.period, a.series
    ORDER BY a.recorded_at, a.upload_id
    ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)) AS 失效时间
FROM actual a
JOIN indicator i ON i.code = a.indicator_code
JOIN upload u ON u.id = a.upload_id
LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id
WHERE i.document_id = '$document'
ORDER BY a.indicator_code, a.region, a.period, a.series, a.recorded_at, a.upload_id
