-- The same file already committed and still counting (or waiting for approval): uploading it again
-- changes nothing. A withdrawn or rejected one may be sent again.
SELECT u.id, u.uploaded_at, u.uploaded_by, u.file_name
FROM upload u
LEFT JOIN upload_withdrawal w ON w.upload_id = u.id
LEFT JOIN upload_review r ON r.upload_id = u.id AND r.decision = 'rejected'
WHERE u.sha256 = $sha256 AND u.status = 'committed' AND w.upload_id IS NULL AND r.upload_id IS NULL
ORDER BY u.id
LIMIT 1
