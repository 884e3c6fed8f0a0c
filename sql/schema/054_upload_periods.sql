-- The indicator periods (and series) each upload brought, written with its values in the same
-- transaction: a few thousand rows per upload where its values are millions. A key can have
-- several values only where its indicator period came in through more than one upload (an upload
-- holds a key once), and the rules that rank values (tz_revised_periods in
-- sql/macros/20_counting.sql) find those periods here instead of grouping every value of a document.
CREATE TABLE upload_period (
  upload_id BIGINT NOT NULL,
  indicator_code VARCHAR NOT NULL,
  period DATE NOT NULL,
  series VARCHAR NOT NULL
);

INSERT INTO upload_period
SELECT DISTINCT upload_id, indicator_code, period, series FROM actual;
