-- Every value ever reported for an indicator, with when it was recorded and when it stopped
-- counting (the rule: tz_actual_history, sql/macros/20_counting.sql); $newest: only that many of
-- the last in this order (the page shows 200 — reading 43,000 rows into JavaScript to keep 200
-- held the event loop for 0.8 s at the bench's size), NULL for all.
SELECT * FROM (
  SELECT strftime(period, '%Y-%m-%d') AS period, region, series, value, basis, milestone_status, note,
    upload_id, line, recorded_at, withdrawn_at, superseded_at, needs_approval, review, reviewed_at, reviewed_by,
    review_reason, counts_from
  FROM tz_actual_history($document, $code)
  ORDER BY period DESC, region DESC, series DESC, recorded_at DESC, upload_id DESC, line DESC
  LIMIT $newest
)
ORDER BY period, region, series, recorded_at, upload_id, line
