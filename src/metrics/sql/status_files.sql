SELECT status, count(*) AS files
FROM ingest_log
GROUP BY ALL
ORDER BY status;
