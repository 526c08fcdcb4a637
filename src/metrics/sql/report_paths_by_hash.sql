-- The file each stored report came from, by content, to log a copy of it as a duplicate.
SELECT content_hash, file_path FROM reports;
