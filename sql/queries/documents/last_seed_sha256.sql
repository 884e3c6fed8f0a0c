-- The seed file last seen for a document: the same file is not loaded again at start, so that an
-- edition published on the web is not replaced by an unchanged file on the next restart.
SELECT sha256 FROM document_version
WHERE document_id = $id AND origin = 'seed'
ORDER BY id DESC
LIMIT 1
