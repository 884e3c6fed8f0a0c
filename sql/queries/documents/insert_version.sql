INSERT INTO document_version (id, document_id, state, origin, catalog, doubts, sha256, file_name, format, created_by, created_at)
VALUES (nextval('document_version_id_seq'), $document_id, $state, $origin, $catalog, $doubts, $sha256,
  $file_name, $format, $by, now())
RETURNING id
