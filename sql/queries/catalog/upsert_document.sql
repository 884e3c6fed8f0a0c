INSERT INTO document (id, title, year, catalog_sha256, loaded_at)
VALUES ($id, $title, $year, $sha256, now())
ON CONFLICT (id) DO UPDATE SET
  title = excluded.title, year = excluded.year, catalog_sha256 = excluded.catalog_sha256, loaded_at = now()
