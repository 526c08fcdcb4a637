-- Whether the attached database holds the named report table (not one of its cleaned layer, which
-- reuses names: cleaned_layer.sql).
SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = 'raw' AND schema_name = 'main' AND table_name = $table_name;
