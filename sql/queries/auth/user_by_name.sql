SELECT * FROM app_user WHERE username = $username
