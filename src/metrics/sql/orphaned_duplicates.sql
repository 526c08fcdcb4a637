-- Files logged as duplicates whose content no stored report holds any more: their original changed
-- (or went), so they are read again and their content is not lost.
SELECT l.file_path
FROM ingest_log l
WHERE l.status = 'duplicate'
  AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.content_hash = l.content_hash)
ORDER BY l.file_path;
