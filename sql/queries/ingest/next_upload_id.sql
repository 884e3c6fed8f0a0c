SELECT nextval('upload_id_seq') AS id
