-- Whether the database attached under the given name holds the named table.
SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = $database AND table_name = $table_name;
