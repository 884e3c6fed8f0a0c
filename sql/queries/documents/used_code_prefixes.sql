-- The year prefixes (2021, 2021B …) other documents' codes use, published or still in a draft.
SELECT DISTINCT split_part(code, '-', 1) AS prefix FROM indicator WHERE document_id <> $id
UNION
SELECT DISTINCT unnest(regexp_extract_all(catalog, '"code":"(\d{4}[A-Z]?)-', 1)) AS prefix
FROM document_version WHERE document_id <> $id
