-- 目标分解 by upload: a row of 类型 = 目标 sets an indicator's target for one region (长春市 8 of
-- the province's 30 bus lines) for the indicator's own deadline, so it has no period. It is a fact
-- of its upload like any value: appended, never updated, and it counts exactly when its upload
-- counts (committed, not withdrawn, approved where approval was asked) — see tz_regional_targets.
CREATE TABLE target_value (
  indicator_code VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  note VARCHAR,
  upload_id BIGINT NOT NULL,
  line INTEGER,
  recorded_at TIMESTAMPTZ NOT NULL
);
