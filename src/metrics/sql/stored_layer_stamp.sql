-- The stamp of the cleaned layer the attached database holds (cleaned_layer_stamp.sql); NULL if none.
SELECT max(comment) FROM duckdb_tables()
WHERE database_name = 'raw' AND schema_name = 'cleaned' AND table_name = 'report_versions';
