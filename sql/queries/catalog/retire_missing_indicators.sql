-- Indicators dropped from the reviewed catalogue are retired, never deleted: their actuals stay.
UPDATE indicator SET retired_at = now()
WHERE document_id = $id AND retired_at IS NULL
  AND code NOT IN (SELECT unnest(from_json($codes, '["VARCHAR"]')))
