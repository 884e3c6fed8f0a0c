SELECT id, document_id, strftime(period, '%Y-%m-%d') AS "asof", known, data_version, manifest, frozen_by, frozen_at
FROM frozen_snapshot
ORDER BY period DESC, id DESC
