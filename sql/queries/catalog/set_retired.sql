-- Retiring keeps the indicator and its actuals; uploads for it are refused until it is restored.
UPDATE indicator SET retired_at = CASE WHEN $value = 'true' THEN coalesce(retired_at, now()) END WHERE code = $code
