-- The same file already committed and still counting: uploading it again changes nothing.
SELECT u.id, u.uploaded_at, u.uploaded_by, u.file_name
FROM upload u
LEFT JOIN upload_withdrawal w ON w.upload_id = u.id
WHERE u.sha256 = $sha256 AND u.status = 'committed' AND w.upload_id IS NULL
ORDER BY u.id
LIMIT 1
