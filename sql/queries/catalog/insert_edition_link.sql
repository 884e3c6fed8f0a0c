INSERT INTO edition_link (id, code, previous_code, decision, old_previous_code, decided_by, decided_at)
VALUES (nextval('edition_link_id_seq'), $code, $previous_code, $decision, $old_previous_code, $by, now())
