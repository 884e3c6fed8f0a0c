-- The accountability loop: approval (审核) of reporters' uploads, the reporting calendar (报送要求),
-- evidence files (佐证材料) and comments (批示、说明). Every table is append-only: a decision, a
-- rule, a file or a comment is a new row, never an update, so any past state can be reproduced.

-- An upload that needs approval before its values count, recorded in the commit's own transaction
-- from the setting then in force (TAIZHANG_APPROVAL) and the uploader's role. Turning the setting
-- on or off later changes nothing for uploads already committed.
CREATE TABLE upload_review_request (
  upload_id BIGINT PRIMARY KEY,
  requested_at TIMESTAMPTZ NOT NULL,
  requested_by VARCHAR NOT NULL
);

-- The one decision on an upload that needed approval: approved (its values count from decided_at)
-- or rejected (they never count; the reason is shown to the reporter).
CREATE TABLE upload_review (
  upload_id BIGINT PRIMARY KEY,
  decision VARCHAR NOT NULL CHECK (decision IN ('approved', 'rejected')),
  decided_at TIMESTAMPTZ NOT NULL,
  decided_by VARCHAR NOT NULL,
  reason VARCHAR
);

-- When an indicator's figure is due: for one indicator, or for every indicator a department leads.
-- The latest rule for an indicator wins over the latest for its lead department; without either,
-- monthly (a milestone: once), due on the 10th of the month after the period.
CREATE SEQUENCE reporting_rule_id_seq START 1;
CREATE TABLE reporting_rule (
  id BIGINT PRIMARY KEY,
  indicator_code VARCHAR,
  department VARCHAR,
  frequency VARCHAR NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'half-yearly', 'annual', 'once')),
  -- Day of the month after the period (28 at most, so every month has it).
  due_day INTEGER NOT NULL CHECK (due_day BETWEEN 1 AND 28),
  reason VARCHAR,
  set_by VARCHAR NOT NULL,
  set_at TIMESTAMPTZ NOT NULL,
  CHECK ((indicator_code IS NULL) <> (department IS NULL))
);

-- A file backing an indicator (a reported value's period and region, or the indicator as a whole).
-- The bytes live beside the database as evidence/<sha256>; the row is their only reference.
CREATE SEQUENCE evidence_id_seq START 1;
CREATE TABLE evidence (
  id BIGINT PRIMARY KEY,
  indicator_code VARCHAR NOT NULL,
  period DATE,
  region VARCHAR,
  file_name VARCHAR NOT NULL,
  -- What the content is (checked by its first bytes, not its name): pdf | png | jpeg | gif | webp | docx | xlsx
  file_type VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  note VARCHAR,
  uploaded_by VARCHAR NOT NULL,
  uploaded_at TIMESTAMPTZ NOT NULL
);

-- 批示 (instruction: leaders and administrators) and 说明 (explanation: reporters and administrators).
CREATE SEQUENCE comment_id_seq START 1;
CREATE TABLE indicator_comment (
  id BIGINT PRIMARY KEY,
  indicator_code VARCHAR NOT NULL,
  kind VARCHAR NOT NULL CHECK (kind IN ('instruction', 'explanation')),
  body VARCHAR NOT NULL,
  author VARCHAR NOT NULL,
  author_role VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
