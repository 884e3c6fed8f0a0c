SELECT format, sha256, to_base64(bytes) AS bytes FROM frozen_snapshot_file WHERE snapshot_id = $id AND format = $format
