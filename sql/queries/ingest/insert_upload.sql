INSERT INTO upload (id, file_name, sha256, encoding, format, rows_read, rows_new, rows_revised, rows_unchanged,
  rows_blank, errors, warnings, status, uploaded_by, uploaded_at)
VALUES ($id, $file_name, $sha256, $encoding, $format, $rows_read, $rows_new, $rows_revised, $rows_unchanged,
  $rows_blank, $errors, $warnings, $status, $uploaded_by, now())
