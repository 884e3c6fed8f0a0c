-- The codes and names of the indicators an upload may report (not retired): the front stage tells
-- a header that names one (a table of regions by indicator) by them.
SELECT code, name FROM indicator WHERE retired_at IS NULL
