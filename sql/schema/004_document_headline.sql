-- The indicators a document's overview leads with (the reviewed catalogue's "headline" list).
-- A table of its own rather than a new column: DuckDB 1.5 cannot replay an ALTER TABLE … ADD
-- COLUMN of a list type from its write-ahead log (found by the kill -9 test).
CREATE TABLE document_headline (
  document_id VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  PRIMARY KEY (document_id, position)
);
