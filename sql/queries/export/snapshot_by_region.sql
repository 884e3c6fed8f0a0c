-- The by-region snapshot as CSV lines (one per indicator and region that has values for the
-- document), computed and formatted in one query: the same rows, order and cells as the per-region
-- snapshot that src/export/snapshot.ts and formats.ts build (a test compares the two). The status
-- rules: tz_indicator_status; the cells: sql/macros/50_csv.sql. NULL filters ($department, $part,
-- $statuses, $kind) keep every indicator.
WITH reported AS (
  -- As sql/queries/analytics/reported_regions.sql: any value recorded for the document, counted or
  -- not. The thousands of regions are found first, then placed: not millions of values joined.
  SELECT v.region, coalesce(r.position, 1000000) AS position
  FROM (SELECT DISTINCT a.region FROM actual a JOIN indicator i ON i.code = a.indicator_code
    WHERE i.document_id = $document) v
  LEFT JOIN region r ON r.name = v.region
),
regions AS (
  SELECT region, position, tz_csv_cell(region) AS cell FROM reported
),
tasks AS (
  SELECT t.seq, t.part_no, t.section_no, t.text,
    coalesce(list(td.department ORDER BY td.position) FILTER (WHERE td.department IS NOT NULL), []) AS departments
  FROM task t
  LEFT JOIN task_department td ON td.document_id = t.document_id AND td.task_seq = t.seq
  WHERE t.document_id = $document
  GROUP BY t.seq, t.part_no, t.section_no, t.text
),
indicators AS (
  -- What an indicator's row says whatever the region, formatted once: the cells before the region
  -- (head), between the region and the target (middle), and after the target (tail).
  SELECT i.code, coalesce(t.departments, []) AS departments, coalesce(t.part_no, 0) AS part_no,
    tz_csv_cell(i.code) || ',' AS head,
    ',' || concat_ws(',', tz_csv_cell(i.name),
      tz_csv_cell(CASE WHEN i.goal_no IS NULL THEN coalesce(p.title, '') ELSE '发展目标：' || coalesce(g.title, '') END),
      -- A goal's indicator has no section: its cell is empty, like a task placed directly under a part.
      tz_csv_cell(coalesce(sc.title, '')), tz_csv_number(i.task_seq), tz_csv_cell(coalesce(t.text, '')),
      tz_csv_cell(array_to_string(coalesce(t.departments, []), '、')),
      tz_csv_cell(CASE i.kind WHEN 'count' THEN '数量' WHEN 'level' THEN '水平' WHEN 'coverage' THEN '覆盖率'
        WHEN 'growth' THEN '增长率' WHEN 'milestone' THEN '节点' ELSE i.kind END)) || ',' AS middle,
    ',' || concat_ws(',', tz_csv_cell(tm.unit),
      tz_csv_cell(CASE i.comparator WHEN '>=' THEN '不低于' WHEN '<=' THEN '不超过' WHEN '=' THEN '等于'
        WHEN '~' THEN '约' ELSE i.comparator END),
      coalesce(strftime(tm.deadline, '%Y-%m-%d'), '')) || ',' AS tail
  FROM indicator i
  JOIN tz_indicator_terms(CAST($known AS TIMESTAMPTZ), $document, [CAST($asof AS DATE)]) tm ON tm.code = i.code
  LEFT JOIN tasks t ON t.seq = i.task_seq
  LEFT JOIN part p ON p.document_id = $document AND p.no = t.part_no
  LEFT JOIN section sc ON sc.document_id = $document AND sc.no = t.section_no
  LEFT JOIN goal g ON g.document_id = $document AND g.no = i.goal_no
  WHERE i.document_id = $document
)
-- Each line without its end: COPY writes them to a file, ending each in CRLF (src/export/build.ts).
SELECT (ind.head || rg.cell || ind.middle || tz_csv_number(s.target) || ind.tail
  || concat_ws(',', tz_csv_number(s.actual), coalesce(strftime(s.last_period, '%Y-%m-%d'), ''),
    tz_csv_percent(s.completion), tz_csv_percent(s.pace), tz_csv_cell(s.status), tz_csv_number(s.forecast),
    coalesce(strftime(s.forecast_done, '%Y-%m-%d'), ''))) AS line
FROM tz_indicator_status(CAST($known AS TIMESTAMPTZ), $document, (SELECT list(region) FROM reported),
  [CAST($asof AS DATE)], $behind, $far_behind, $stale_months, pending := $pending,
  pending_scope := $pending_scope, every_region := true, within_month := $within_month) s
JOIN regions rg ON rg.region = s.region
JOIN indicators ind ON ind.code = s.code
-- The overview's filter (matchesFilter in src/analytics/overview.ts).
WHERE ($department IS NULL OR list_contains(ind.departments, $department))
  AND ($part IS NULL OR ind.part_no = $part)
  AND ($statuses IS NULL OR list_contains($statuses, s.status))
  AND ($kind IS NULL OR (s.kind = 'milestone') = ($kind = 'milestone'))
ORDER BY rg.position, s.region, s.task_seq, s.position
