-- The catalogue of key-task documents: reference data, reloaded from the reviewed seeds/*.catalog.json.
-- No foreign keys: DuckDB implements UPDATE of a referenced row as delete+insert, which a foreign key
-- would refuse; the loader keeps the references whole inside one transaction instead.

CREATE TABLE document (
  id VARCHAR PRIMARY KEY,
  title VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  -- sha256 of the catalogue file last loaded: an unchanged file is not loaded again.
  catalog_sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE part (
  document_id VARCHAR NOT NULL,
  no INTEGER NOT NULL,
  title VARCHAR NOT NULL,
  PRIMARY KEY (document_id, no)
);

CREATE TABLE section (
  document_id VARCHAR NOT NULL,
  no INTEGER NOT NULL,
  part_no INTEGER NOT NULL,
  title VARCHAR NOT NULL,
  PRIMARY KEY (document_id, no)
);

CREATE TABLE task (
  document_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  part_no INTEGER NOT NULL,
  section_no INTEGER NOT NULL,
  text VARCHAR NOT NULL,
  department_mode VARCHAR NOT NULL CHECK (department_mode IN ('sole', 'separate', 'lead')),
  PRIMARY KEY (document_id, seq)
);

CREATE TABLE task_department (
  document_id VARCHAR NOT NULL,
  task_seq INTEGER NOT NULL,
  department VARCHAR NOT NULL,
  -- 1 is the first named (the lead when department_mode = 'lead').
  position INTEGER NOT NULL,
  PRIMARY KEY (document_id, task_seq, department)
);

-- Indicators are never deleted: actuals point at them by code. One that disappears from a corrected
-- catalogue is retired (retired_at set) and stays in the history.
CREATE TABLE indicator (
  code VARCHAR PRIMARY KEY,
  document_id VARCHAR NOT NULL,
  task_seq INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  target DOUBLE,
  unit VARCHAR,
  comparator VARCHAR NOT NULL CHECK (comparator IN ('>=', '<=', '=', '~')),
  deadline DATE NOT NULL,
  kind VARCHAR NOT NULL CHECK (kind IN ('count', 'level', 'coverage', 'milestone')),
  source VARCHAR NOT NULL,
  retired_at TIMESTAMPTZ
);

CREATE TABLE department_alias (
  alias VARCHAR PRIMARY KEY,
  department VARCHAR NOT NULL
);

-- Bumped by every change of data; caches and ETags key on it.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO data_version VALUES (1, 0, now());
