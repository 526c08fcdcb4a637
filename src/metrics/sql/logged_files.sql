-- Every file the ingest log names (stored names: see metrics.file_names).
SELECT file_path FROM ingest_log ORDER BY file_path;
