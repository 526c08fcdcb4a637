-- What became of each uploaded file: its latest ingest attempt and the report its content is
-- stored as (its own, or for a duplicate the earlier file's), with agency and year.
SELECT l.file_path, l.status, l.reason, r.agency, r.year
FROM raw.ingest_log l
LEFT JOIN raw.reports r ON r.content_hash = l.content_hash
WHERE list_contains($paths, l.file_path)
ORDER BY l.file_path;
