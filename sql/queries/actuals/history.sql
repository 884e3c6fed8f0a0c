-- Every value ever reported for an indicator, with when it was recorded and when it stopped
-- counting (the rule: tz_actual_history, sql/macros/20_counting.sql).
SELECT strftime(period, '%Y-%m-%d') AS period, region, series, value, basis, milestone_status, note,
  upload_id, line, recorded_at, withdrawn_at, superseded_at, needs_approval, review, reviewed_at, reviewed_by,
  review_reason, counts_from
FROM tz_actual_history($document, $code)
ORDER BY period, region, series, recorded_at, upload_id, line
