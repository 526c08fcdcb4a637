-- Files whose latest ingest attempt did not give a complete report, with the reason.
SELECT file_path, status, reason, format, report_id, parser_version, attempted_at
FROM raw.ingest_log
WHERE status <> 'ok'
ORDER BY CASE status WHEN 'failed' THEN 0 WHEN 'unsupported' THEN 1 WHEN 'partial' THEN 2 ELSE 3 END,
         file_path;
