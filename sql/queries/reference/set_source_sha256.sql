INSERT OR REPLACE INTO reference_source (name, sha256, loaded_at) VALUES ($name, $sha256, now())
