-- Every live token of an account ends with its password or its access: revoked for good, so
-- re-enabling the account does not bring them back.
UPDATE api_token SET revoked_at = now() WHERE user_id = $user_id AND revoked_at IS NULL
