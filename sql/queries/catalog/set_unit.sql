UPDATE indicator SET unit = nullif($value, '') WHERE code = $code
