-- What a whole commit writes together, checked at start: every value (and regional target) belongs
-- to a committed upload, every committed upload holds the values it counted, every withdrawal names
-- an upload. A damaged write-ahead log replayed in part breaks one of these (a value without its upload).
WITH facts AS (
  SELECT upload_id FROM actual
  UNION ALL SELECT upload_id FROM target_value
)
SELECT
  (SELECT count(*) FROM facts a LEFT JOIN upload u ON u.id = a.upload_id
    WHERE u.id IS NULL OR u.status <> 'committed') AS orphan_values,
  (SELECT list(DISTINCT a.upload_id ORDER BY a.upload_id) FROM facts a LEFT JOIN upload u ON u.id = a.upload_id
    WHERE u.id IS NULL OR u.status <> 'committed') AS orphan_uploads,
  (SELECT list(u.id ORDER BY u.id) FROM upload u
    LEFT JOIN (SELECT upload_id, count(*) AS n FROM facts GROUP BY upload_id) a ON a.upload_id = u.id
    WHERE u.status = 'committed' AND coalesce(a.n, 0) <> u.rows_new + u.rows_revised) AS short_uploads,
  (SELECT count(*) FROM upload_withdrawal w LEFT JOIN upload u ON u.id = w.upload_id WHERE u.id IS NULL)
    AS orphan_withdrawals
