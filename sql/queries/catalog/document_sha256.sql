SELECT catalog_sha256 FROM document WHERE id = $id
