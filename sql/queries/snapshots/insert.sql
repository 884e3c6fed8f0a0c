INSERT INTO frozen_snapshot (id, document_id, period, known, data_version, manifest, frozen_by, frozen_at)
VALUES ($id, $document, CAST($asof AS DATE), CAST($known AS TIMESTAMPTZ), $data_version, $manifest, $by, now())
