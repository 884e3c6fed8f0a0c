SELECT count(DISTINCT line) AS n FROM ingest_rejects
