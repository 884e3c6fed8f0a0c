-- Reported values and the uploads that brought them. Facts are append-only: a value is never
-- updated or deleted. Which value counts is derived (the latest recorded one whose upload was not
-- withdrawn as of the time asked about), so any past view can be reproduced exactly.

CREATE TABLE region (
  name VARCHAR PRIMARY KEY,
  parent VARCHAR,
  level VARCHAR NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  position INTEGER NOT NULL
);

CREATE TABLE region_alias (
  alias VARCHAR PRIMARY KEY,
  region VARCHAR NOT NULL
);

CREATE SEQUENCE upload_id_seq START 1;

CREATE TABLE upload (
  id BIGINT PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  -- utf-8 | utf-8-bom | gb18030 | form (entered on a page)
  encoding VARCHAR NOT NULL,
  -- long | wide | form
  format VARCHAR NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_new INTEGER NOT NULL,
  rows_revised INTEGER NOT NULL,
  rows_unchanged INTEGER NOT NULL,
  rows_blank INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  -- A rejected upload keeps its record and its problems, and writes no value.
  status VARCHAR NOT NULL CHECK (status IN ('committed', 'rejected')),
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);

-- Withdrawal (撤回) is an event recorded beside the upload; its values stay in the history.
CREATE TABLE upload_withdrawal (
  upload_id BIGINT PRIMARY KEY,
  withdrawn_at TIMESTAMPTZ NOT NULL,
  withdrawn_by VARCHAR NOT NULL,
  reason VARCHAR
);

CREATE TABLE upload_problem (
  upload_id BIGINT NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  severity VARCHAR NOT NULL CHECK (severity IN ('error', 'warning')),
  code VARCHAR NOT NULL,
  message VARCHAR NOT NULL,
  found VARCHAR
);

CREATE TABLE actual (
  indicator_code VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  -- The period the value is for: month end for monthly data.
  period DATE NOT NULL,
  -- actual: what happened; plan: a monthly plan (分月计划) the pace follows instead of a straight line.
  series VARCHAR NOT NULL CHECK (series IN ('actual', 'plan')),
  -- The number as reported (null for a milestone report that gives only a status).
  value DOUBLE,
  -- cumulative: year to date (累计); increment: this period only (当月).
  basis VARCHAR NOT NULL CHECK (basis IN ('cumulative', 'increment')),
  -- Milestones: 未开始 | 进行中 | 已完成, with a progress note (进展情况).
  milestone_status VARCHAR CHECK (milestone_status IN ('未开始', '进行中', '已完成')),
  note VARCHAR,
  upload_id BIGINT NOT NULL,
  line INTEGER,
  recorded_at TIMESTAMPTZ NOT NULL
);
