-- Every value ever reported for an indicator, with when it was recorded and when it stopped counting:
-- superseded by a later value for the same key (from an upload not withdrawn), or withdrawn itself.
WITH live AS (
  SELECT a.*, w.withdrawn_at
  FROM actual a
  LEFT JOIN upload_withdrawal w ON w.upload_id = a.upload_id
  WHERE a.indicator_code = $code
)
SELECT strftime(a.period, '%Y-%m-%d') AS period, a.region, a.series, a.value, a.basis, a.milestone_status, a.note,
  a.upload_id, a.line, a.recorded_at, a.withdrawn_at,
  least(a.withdrawn_at, (
    SELECT min(b.recorded_at) FROM live b
    WHERE b.region = a.region AND b.period = a.period AND b.series = a.series AND b.withdrawn_at IS NULL
      AND (b.recorded_at > a.recorded_at OR (b.recorded_at = a.recorded_at AND b.upload_id > a.upload_id))
  )) AS superseded_at
FROM live a
ORDER BY a.period, a.region, a.series, a.recorded_at, a.upload_id, a.line
