-- Frozen monthly snapshots (月报): stored once, never changed, with a manifest. The bytes of each
-- format are kept, so a download years later is the very file that was sent upwards.
CREATE SEQUENCE snapshot_id_seq START 1;

CREATE TABLE frozen_snapshot (
  id BIGINT PRIMARY KEY,
  document_id VARCHAR NOT NULL,
  period DATE NOT NULL,
  -- The recording time the snapshot was taken as of: the freeze itself.
  known TIMESTAMPTZ NOT NULL,
  data_version BIGINT NOT NULL,
  -- Parameters and sha256 of every format, as JSON.
  manifest VARCHAR NOT NULL,
  frozen_by VARCHAR NOT NULL,
  frozen_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE frozen_snapshot_file (
  snapshot_id BIGINT NOT NULL,
  format VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY (snapshot_id, format)
);
