-- The sha256 of each reference source last loaded (the region table, the department aliases), so
-- an unchanged source writes nothing when the server starts: a start on a nearly full disk, or a
-- read-only start, changes nothing.
CREATE TABLE reference_source (
  name VARCHAR PRIMARY KEY,
  sha256 VARCHAR NOT NULL,
  loaded_at TIMESTAMPTZ NOT NULL
);
