-- Indicator codes already stored for another document: publishing would move them (and their actuals).
SELECT code, document_id FROM indicator
WHERE document_id <> $id AND code IN (SELECT unnest(from_json($codes, '["VARCHAR"]')))
ORDER BY code
