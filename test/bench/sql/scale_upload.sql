-- Bench only: the upload record the synthetic values of one document belong to.
INSERT INTO upload VALUES ($id, $file_name, $sha256, 'utf-8', 'long', $rows, $rows, 0, 0, 0, 0, 0, 'committed', 'bench', now())
