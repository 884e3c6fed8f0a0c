INSERT INTO indicator_comment (id, indicator_code, kind, body, author, author_role, created_at)
VALUES (nextval('comment_id_seq'), $code, $kind, $body, $author, $role, now())
RETURNING id
