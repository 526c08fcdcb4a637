SELECT file_path AS file, status, reason, report_id, format, attempted_at
FROM ingest_log
WHERE $status IS NULL OR status = $status
ORDER BY file_path;
