-- Documents have a life: uploaded as a draft, reviewed in the browser, published. Every state of a
-- document's catalogue is a row here, never updated: the latest row is the document's state (a
-- draft waiting for review, or the published edition), and the rows before it are its history.
-- Only a published version is loaded into the catalogue tables (document, task, indicator …), so
-- every public page and API sees published editions only.
CREATE SEQUENCE document_version_id_seq START 1;
CREATE SEQUENCE document_edit_id_seq START 1;

CREATE TABLE document_version (
  id BIGINT PRIMARY KEY,
  document_id VARCHAR NOT NULL,
  state VARCHAR NOT NULL CHECK (state IN ('draft', 'published')),
  -- seed: seeds/*.catalog.json at start; upload: a file parsed (or a catalogue uploaded back);
  -- edit: a reviewer's change; api: a catalogue sent by PUT; publish: made live.
  origin VARCHAR NOT NULL CHECK (origin IN ('seed', 'upload', 'edit', 'api', 'publish')),
  -- The catalogue JSON (as GET /api/documents/:id answers it, without the doubts).
  catalog VARCHAR NOT NULL,
  -- The parser's doubts at upload, carried along the versions for the reviewer.
  doubts VARCHAR NOT NULL,
  -- sha256 of the seed file for a seed version (a seed file loads again only when it changed).
  sha256 VARCHAR NOT NULL,
  file_name VARCHAR,
  format VARCHAR,
  created_by VARCHAR,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every change a reviewer (or a script) made to a draft: who, when, what, old → new. Append-only.
CREATE TABLE document_edit (
  id BIGINT PRIMARY KEY,
  document_id VARCHAR NOT NULL,
  version_id BIGINT NOT NULL,
  -- task:<seq>, indicator:<code>, document
  item VARCHAR NOT NULL,
  field VARCHAR NOT NULL,
  old_value VARCHAR,
  new_value VARCHAR,
  edited_by VARCHAR,
  edited_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
