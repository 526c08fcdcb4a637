-- The report database as a Parquet tree (metrics.parquet_tree), on a connection where it is attached
-- as `raw` and tree_tables.sql has run. {dir} stands for the tree's folder, quotes doubled (COPY takes
-- no bound parameters).
-- Reports, facts and flags are partitioned by report year (year=2021/...; a report without a year
-- under year=NULL), so an engine reading one year reads one folder; the small tables are one file each.
COPY (SELECT * FROM tree_reports) TO '{dir}/reports'
    (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'reports_{i}');
COPY (SELECT * FROM tree_facts ORDER BY year, report_id)
    TO '{dir}/facts' (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'facts_{i}');
COPY (SELECT * FROM tree_flags)
    TO '{dir}/flags' (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'flags_{i}');
COPY (SELECT * FROM tree_ingest_log) TO '{dir}/ingest_log.parquet' (FORMAT PARQUET);
COPY raw.current_choices TO '{dir}/current_choices.parquet' (FORMAT PARQUET);
COPY raw.flag_reviews TO '{dir}/flag_reviews.parquet' (FORMAT PARQUET);
COPY raw.agency_directory TO '{dir}/agency_directory.parquet' (FORMAT PARQUET);
