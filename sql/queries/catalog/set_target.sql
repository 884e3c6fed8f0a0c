UPDATE indicator SET target = CAST($value AS DOUBLE) WHERE code = $code
