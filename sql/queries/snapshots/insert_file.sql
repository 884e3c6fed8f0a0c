INSERT INTO frozen_snapshot_file (snapshot_id, format, sha256, bytes)
VALUES ($id, $format, $sha256, from_base64($bytes))
