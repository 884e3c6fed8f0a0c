-- Every problem of the staged rows, in line order; an unknown indicator gets its nearest match.
WITH errors AS (
  SELECT line, indicator_key, unnest(errors) AS p, 'error' AS severity FROM ingest_checked WHERE len(errors) > 0
  UNION ALL
  SELECT line, indicator_key, unnest(warnings) AS p, 'warning' AS severity FROM ingest_checked WHERE len(warnings) > 0
  UNION ALL
  SELECT line, indicator_key,
    {code: 'duplicate_key', col: indicator_column,
     msg: '与第' || first_line || '行重复：同一指标、地区、统计期在文件中出现了两次', found: value_raw},
    'error'
  FROM ingest_checked WHERE first_line IS NOT NULL AND first_line <> line
),
unknown AS (
  SELECT DISTINCT indicator_key FROM errors WHERE p.code = 'unknown_indicator' LIMIT 200
),
nearest AS (
  -- The most similar code or name; ties go to the lowest code, so the hint never flickers.
  SELECT u.indicator_key, i.code || ' ' || i.name AS suggestion
  FROM unknown u CROSS JOIN indicator i
  WHERE i.retired_at IS NULL
  QUALIFY row_number() OVER (
    PARTITION BY u.indicator_key
    ORDER BY greatest(jaro_winkler_similarity(upper(u.indicator_key), upper(i.code)),
                      jaro_winkler_similarity(u.indicator_key, i.name)) DESC, i.code
  ) = 1
)
SELECT e.line, e.p.col AS column_name, e.severity, e.p.code AS code,
  e.p.msg || CASE WHEN e.p.code = 'unknown_indicator' AND n.suggestion IS NOT NULL
                  THEN '，最接近的是 ' || n.suggestion ELSE '' END AS message,
  e.p.found AS found
FROM errors e
LEFT JOIN nearest n ON n.indicator_key = e.indicator_key
ORDER BY e.line, e.severity, code
LIMIT $limit
