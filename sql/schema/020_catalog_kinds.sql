-- The catalogue as real documents have it: growth rates as their own kind (增长6.2%左右, compared
-- with last year), annual recurring targets (每年…), the indicators of a document's goal paragraphs
-- (发展目标, which belong to no task), and each task's lead department (列第一位者为牵头单位).
-- DuckDB cannot change a CHECK or a NOT NULL in place: the indicator table is rebuilt, rows kept.
CREATE TABLE indicator_rebuilt (
  code VARCHAR PRIMARY KEY,
  document_id VARCHAR NOT NULL,
  -- The task the indicator belongs to, or NULL for a goal's indicator (goal_no set instead).
  task_seq INTEGER,
  goal_no INTEGER,
  position INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  target DOUBLE,
  unit VARCHAR,
  comparator VARCHAR NOT NULL CHECK (comparator IN ('>=', '<=', '=', '~')),
  deadline DATE NOT NULL,
  kind VARCHAR NOT NULL CHECK (kind IN ('count', 'level', 'coverage', 'growth', 'milestone')),
  -- 'annual': the target recurs each year of the document's span (每年); NULL: once.
  recurrence VARCHAR CHECK (recurrence IN ('annual')),
  source VARCHAR NOT NULL,
  retired_at TIMESTAMPTZ,
  CHECK ((task_seq IS NULL) <> (goal_no IS NULL))
);
INSERT INTO indicator_rebuilt
SELECT code, document_id, task_seq, NULL, position, name, target, unit, comparator, deadline, kind, NULL, source, retired_at
FROM indicator;
DROP TABLE indicator;
ALTER TABLE indicator_rebuilt RENAME TO indicator;

ALTER TABLE task ADD COLUMN lead VARCHAR;

CREATE TABLE goal (
  document_id VARCHAR NOT NULL,
  no INTEGER NOT NULL,
  title VARCHAR NOT NULL,
  text VARCHAR NOT NULL,
  PRIMARY KEY (document_id, no)
);
