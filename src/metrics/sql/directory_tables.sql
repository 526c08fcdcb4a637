-- The directory's inputs in the snapshot, filled before views.sql builds agency_directory from them:
-- each stored region with its path from the gazetteer (metrics.directory fills it from Python) and
-- the entries people made (copied from raw.agency_directory where the database has that table).
-- Temporary: only the build reads them, and the writer's build must not keep them in the file.
CREATE OR REPLACE TEMP TABLE region_paths (region VARCHAR, path VARCHAR);
CREATE OR REPLACE TEMP TABLE directory_entries (
    agency VARCHAR, region VARCHAR, level VARCHAR, agency_type VARCHAR, series VARCHAR
);
