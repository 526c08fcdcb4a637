-- The directory entries people made, into the snapshot (when the database has them).
INSERT INTO directory_entries SELECT agency, region, level, agency_type, series FROM raw.main.agency_directory;
