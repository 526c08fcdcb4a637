-- Whether the attached database holds the named table.
SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = 'raw' AND table_name = $table_name;
