SELECT count(*) AS n FROM app_user
