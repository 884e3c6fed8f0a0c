-- Every code a document's indicators ever had (retired ones too): a new target never reuses one.
SELECT code FROM indicator WHERE document_id = $id
