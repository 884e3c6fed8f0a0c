SELECT i.code, i.name, i.kind, i.target, i.unit, strftime(i.deadline, '%Y-%m-%d') AS deadline, i.retired_at, d.year
FROM indicator i
JOIN document d ON d.id = i.document_id
WHERE i.code = $code
