-- Every indicator of a document as of one month end, as known at $known, for each region of
-- $regions (one query for any number of regions). The rules: tz_indicator_status (sql/macros/40_status.sql).
SELECT region, code, name, kind, task_seq, goal_no, target, target_from, unit, comparator,
  strftime(deadline, '%Y-%m-%d') AS deadline, actual, strftime(last_period, '%Y-%m-%d') AS last_period,
  milestone_status, strftime(done_period, '%Y-%m-%d') AS done_period, completion, pace, pace_from_plan, status,
  forecast, strftime(forecast_done, '%Y-%m-%d') AS forecast_done, rate_from_three_months
FROM tz_indicator_status(CAST($known AS TIMESTAMPTZ), $document, $regions, [CAST($asof AS DATE)],
  $behind, $far_behind, $stale_months, pending := $pending, pending_scope := $pending_scope, codes := $codes)
ORDER BY region, task_seq, position
