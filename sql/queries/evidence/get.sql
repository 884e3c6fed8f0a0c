SELECT id, indicator_code, strftime(period, '%Y-%m-%d') AS period, region, file_name, file_type, bytes, sha256,
  note, uploaded_by, uploaded_at
FROM evidence
WHERE id = $id
