-- A Parquet tree written by parquet_export.sql, read as the report database: an in-memory database
-- attached as `raw` whose tables are views over the files, so the dashboard's SQL runs on it unchanged.
-- {dir} stands for the tree's folder, quotes doubled. Every column the files hold is read: a tree
-- exported before a column was added lacks it, as its database did (queries.open_snapshot checks).
-- The partition column comes back from the folder names (year=2021), typed as stored; facts and
-- flags hold it only to be partitioned, so it is left out of them.
ATTACH ':memory:' AS raw;

CREATE VIEW raw.reports AS
SELECT *
FROM read_parquet('{dir}/reports/*/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER});

CREATE VIEW raw.facts AS
SELECT * EXCLUDE (year)
FROM read_parquet('{dir}/facts/*/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER});

CREATE VIEW raw.flags AS
SELECT * EXCLUDE (year)
FROM read_parquet('{dir}/flags/*/*.parquet', hive_partitioning = true, hive_types = {'year': INTEGER});

CREATE VIEW raw.ingest_log AS SELECT * FROM read_parquet('{dir}/ingest_log.parquet');
CREATE VIEW raw.current_choices AS SELECT * FROM read_parquet('{dir}/current_choices.parquet');
-- A table, not a view: the snapshot copies statuses only where the database holds this table.
CREATE TABLE raw.flag_reviews AS SELECT * FROM read_parquet('{dir}/flag_reviews.parquet');
-- A table too: the snapshot copies directory entries only where the database holds this table.
CREATE TABLE raw.agency_directory AS SELECT * FROM read_parquet('{dir}/agency_directory.parquet');
