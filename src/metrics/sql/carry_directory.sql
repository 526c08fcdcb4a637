-- A rebuild keeps the directory entries people made in the old database (attached as `old`).
INSERT OR REPLACE INTO agency_directory SELECT * FROM old.agency_directory;
