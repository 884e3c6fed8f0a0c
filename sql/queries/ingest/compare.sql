-- Each valid row against the value that counts now: new, a revision (old → new), or unchanged.
-- Unchanged rows are not written again: re-sending what is already there changes nothing. A regional
-- target (类型 = 目标) is compared with the target that region has now for the indicator's deadline.
-- What only the preview shows (the indicator's name, the value as written) is not carried: see
-- preview_rows.sql.
CREATE OR REPLACE TEMP TABLE ingest_compared AS
SELECT k.cell, k.line, k.code, k.region, k.period, k.series, k.number AS value,
  k.basis, k.milestone_status, nullif(trim(k.note_raw), '') AS note,
  coalesce(cur.value, ct.target) AS old_value, cur.milestone_status AS old_status,
  coalesce(cur.upload_id, CASE WHEN ct.source = 'upload' THEN ct.source_id END) AS old_upload_id,
  CASE
    WHEN k.series = 'target' AND ct.code IS NULL THEN 'new'
    WHEN k.series = 'target' AND ct.target IS NOT DISTINCT FROM k.number THEN 'unchanged'
    WHEN k.series = 'target' THEN 'revised'
    WHEN cur.indicator_code IS NULL THEN 'new'
    WHEN cur.value IS NOT DISTINCT FROM k.number
      AND cur.milestone_status IS NOT DISTINCT FROM k.milestone_status
      AND cur.basis = k.basis
      AND cur.note IS NOT DISTINCT FROM nullif(trim(k.note_raw), '') THEN 'unchanged'
    ELSE 'revised'
  END AS change
FROM ingest_checked k
-- A file of a few indicators (a department's sheet) is compared with those indicators' values only:
-- 10,000 rows of one indicator against 1 M values took 0.64 s against all of them, 0.26 s against
-- its own. The narrowing tests each value against the list, so for a file of many indicators
-- reading every value is cheaper (65 codes: 1.2 s narrowed, 0.67 s not): NULL, all of them.
LEFT JOIN tz_current_actuals(now(), NULL, codes := (
    SELECT CASE WHEN count(DISTINCT code) <= 8 THEN list(DISTINCT code) END FROM ingest_checked
  )) cur
  ON cur.indicator_code = k.code AND cur.region = k.region AND cur.period = k.period AND cur.series = k.series
LEFT JOIN tz_regional_targets(now(), NULL, [DATE '2999-12-31']) ct
  ON k.series = 'target' AND ct.code = k.code AND ct.region = k.region
-- A key repeated in the file is an error on its later lines; its first line counts.
WHERE NOT k.blank AND NOT k.has_error AND (k.first_line IS NULL OR k.first_line = k.line)
