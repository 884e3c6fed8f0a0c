INSERT INTO evidence (id, indicator_code, period, region, file_name, file_type, bytes, sha256, note, uploaded_by, uploaded_at)
VALUES (nextval('evidence_id_seq'), $code, CAST($period AS DATE), $region, $file_name, $file_type, $bytes, $sha256,
  $note, $by, now())
RETURNING id
