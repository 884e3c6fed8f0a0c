SELECT nextval('snapshot_id_seq') AS id
