-- The latest ingest attempt of every file, to skip files unchanged since a successful attempt.
SELECT file_path, content_hash, parser_version, status FROM ingest_log;
