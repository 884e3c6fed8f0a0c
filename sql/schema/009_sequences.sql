-- Every id from a sequence (uploads and snapshots had theirs already). A database made before this
-- migration already holds ids: the store moves each sequence past its table's largest id when it
-- opens (src/store/sequences.ts), which also keeps a restored backup's sequences ahead of its rows.
CREATE SEQUENCE user_id_seq START 1;
CREATE SEQUENCE token_id_seq START 1;
CREATE SEQUENCE audit_id_seq START 1;
CREATE SEQUENCE correction_id_seq START 1;
