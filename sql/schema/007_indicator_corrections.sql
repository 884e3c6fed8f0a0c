-- An administrator's corrections of an indicator (target, unit, deadline, retired), append-only.
-- The latest correction of each field is applied over the reviewed catalogue file's value, again
-- after every reload of that file, so a correction is never silently undone.
CREATE TABLE indicator_correction (
  id INTEGER PRIMARY KEY,
  code VARCHAR NOT NULL,
  field VARCHAR NOT NULL CHECK (field IN ('target', 'unit', 'deadline', 'retired')),
  old_value VARCHAR,
  new_value VARCHAR,
  reason VARCHAR NOT NULL,
  corrected_by VARCHAR NOT NULL,
  corrected_at TIMESTAMPTZ NOT NULL
);
