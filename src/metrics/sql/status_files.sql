SELECT status, count(*) AS files
FROM raw.ingest_log
GROUP BY ALL
ORDER BY status;
