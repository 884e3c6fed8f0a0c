-- Every indicator code stored, of every document (retired ones too).
SELECT code FROM indicator
