-- The comments on some indicators ($codes, a list), newest first.
SELECT id, indicator_code, kind, body, author, author_role, created_at
FROM indicator_comment
WHERE list_contains($codes, indicator_code)
ORDER BY created_at DESC, id DESC
