-- Bench only (npm run bench:scale): one upload's worth of synthetic cumulative values for every
-- indicator of a document × every region (the province, its prefectures and every county) × 12
-- months, generated in bulk by DuckDB. Numeric indicators grow month by month toward their share
-- of the target, some regions ahead and some behind; milestones report a status.
INSERT INTO actual (indicator_code, region, period, series, value, basis, milestone_status, note, upload_id, line, recorded_at)
SELECT i.code, r.name, last_day(make_date(d.year, m.m, 1)), 'actual',
  CASE WHEN i.kind = 'milestone' THEN NULL
    ELSE round(coalesce(i.target, 100) / r.share * m.m / 12 * (0.6 + (hash(r.name, i.code) % 60) / 100.0), 2) END,
  'cumulative',
  CASE WHEN i.kind = 'milestone' THEN (CASE WHEN m.m < 4 THEN '未开始' WHEN m.m < 10 THEN '进行中' ELSE '已完成' END) END,
  NULL, $upload_id, NULL, now()
FROM indicator i
JOIN document d ON d.id = i.document_id
CROSS JOIN (
  SELECT name, CASE level WHEN 'province' THEN 1 WHEN 'prefecture' THEN 9 ELSE $counties END AS share FROM region
) r
CROSS JOIN (SELECT range AS m FROM range(1, 13)) m
WHERE i.document_id = $document
