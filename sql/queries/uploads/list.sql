-- Every upload, newest first, with whether it was withdrawn.
SELECT u.id, u.file_name, u.sha256, u.encoding, u.format, u.rows_read, u.rows_new, u.rows_revised,
  u.rows_unchanged, u.rows_blank, u.errors, u.warnings,
  CASE WHEN w.upload_id IS NOT NULL THEN 'withdrawn' ELSE u.status END AS status,
  u.uploaded_by, u.uploaded_at, w.withdrawn_at, w.withdrawn_by
FROM upload u
LEFT JOIN upload_withdrawal w ON w.upload_id = u.id
ORDER BY u.id DESC
LIMIT $limit
