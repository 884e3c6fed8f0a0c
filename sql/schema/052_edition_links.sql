-- An administrator's word on an indicator's family across editions (历年对应): the indicator of the
-- previous edition it continues, or none (无上年对应指标). Append-only: the latest decision for an
-- indicator, as recorded by the time asked about, wins over the name matcher
-- (sql/queries/catalog/previous_editions.sql); the rows before it are its history (old → new).
CREATE SEQUENCE edition_link_id_seq START 1;

CREATE TABLE edition_link (
  id BIGINT PRIMARY KEY,
  -- The indicator of the later edition.
  code VARCHAR NOT NULL,
  -- Its indicator in the previous edition; NULL: it has none.
  previous_code VARCHAR,
  -- confirmed: the matcher's suggestion, confirmed; chosen: another indicator; none: no previous.
  decision VARCHAR NOT NULL CHECK (decision IN ('confirmed', 'chosen', 'none')),
  -- The link shown before this decision (the suggestion or the earlier decision); NULL: none.
  old_previous_code VARCHAR,
  decided_by VARCHAR NOT NULL,
  decided_at TIMESTAMPTZ NOT NULL
);
