-- Month by month, every indicator's cumulative actual (and plan) up to $asof, as known at $known:
-- what the charts draw. `revised` marks a period whose value was revised after it was first reported.
WITH revised AS (
  SELECT indicator_code, period, series, count(*) > 1 AS revised
  FROM tz_actual_history($document, NULL, regions := [$region])
  WHERE region = $region AND recorded_at <= CAST($known AS TIMESTAMPTZ)
    -- Only values that counted by then (or wait for approval, when those are shown too).
    AND (counts_from <= CAST($known AS TIMESTAMPTZ)
      OR ($pending AND needs_approval AND (review IS NULL OR reviewed_at > CAST($known AS TIMESTAMPTZ))
        AND ($pending_scope IS NULL OR indicator_code IN (
          SELECT si.code FROM indicator si
          JOIN task_department sd ON sd.document_id = si.document_id AND sd.task_seq = si.task_seq
          WHERE list_contains($pending_scope, sd.department)))))
  GROUP BY indicator_code, period, series
)
SELECT s.indicator_code AS code, s.series, strftime(s.period, '%Y-%m-%d') AS period,
  CASE WHEN i.kind = 'count' THEN s.cumulative ELSE s.reported END AS value,
  s.milestone_status, coalesce(r.revised, false) AS revised
FROM tz_cumulative_regions(CAST($known AS TIMESTAMPTZ), $document, [$region], pending := $pending, pending_scope := $pending_scope) s
JOIN indicator i ON i.code = s.indicator_code
LEFT JOIN revised r ON r.indicator_code = s.indicator_code AND r.period = s.period AND r.series = s.series
WHERE s.period <= CAST($asof AS DATE)
ORDER BY s.indicator_code, s.series, s.period
