UPDATE indicator SET deadline = CAST($value AS DATE) WHERE code = $code
