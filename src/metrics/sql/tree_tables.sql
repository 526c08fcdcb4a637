-- The rows of the Parquet tree's partitioned tables, on a connection where the report database is
-- attached as `raw`: facts and flags carry their report's year only to be partitioned by it. Shared by
-- `ogi export --format parquet` (parquet_export.sql) and `ogi extract-ray` (metrics.ray_extract).
CREATE OR REPLACE TEMP VIEW tree_reports AS SELECT * FROM raw.reports;
CREATE OR REPLACE TEMP VIEW tree_facts AS
SELECT f.*, r.year FROM raw.facts f LEFT JOIN raw.reports r USING (report_id);
CREATE OR REPLACE TEMP VIEW tree_flags AS
SELECT g.*, r.year FROM raw.flags g LEFT JOIN raw.reports r USING (report_id);
CREATE OR REPLACE TEMP VIEW tree_ingest_log AS SELECT * FROM raw.ingest_log;
