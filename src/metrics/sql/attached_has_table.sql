-- Whether the database attached under the given name holds the named report table (raw_has_table.sql).
SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = $database AND schema_name = 'main' AND table_name = $table_name;
