-- The report database as a Parquet tree (metrics.parquet_tree), on a connection where it is attached
-- as `raw`. {dir} stands for the tree's folder, quotes doubled (COPY takes no bound parameters).
-- Reports, facts and flags are partitioned by report year (year=2021/...; a report without a year
-- under year=NULL), so an engine reading one year reads one folder; the small tables are one file each.
COPY (SELECT * FROM raw.reports) TO '{dir}/reports'
    (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'reports_{i}');
COPY (SELECT f.*, r.year FROM raw.facts f LEFT JOIN raw.reports r USING (report_id) ORDER BY r.year, f.report_id)
    TO '{dir}/facts' (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'facts_{i}');
COPY (SELECT g.*, r.year FROM raw.flags g LEFT JOIN raw.reports r USING (report_id))
    TO '{dir}/flags' (FORMAT PARQUET, PARTITION_BY (year), FILENAME_PATTERN 'flags_{i}');
COPY raw.ingest_log TO '{dir}/ingest_log.parquet' (FORMAT PARQUET);
COPY raw.current_choices TO '{dir}/current_choices.parquet' (FORMAT PARQUET);
COPY raw.flag_reviews TO '{dir}/flag_reviews.parquet' (FORMAT PARQUET);
COPY raw.agency_directory TO '{dir}/agency_directory.parquet' (FORMAT PARQUET);
