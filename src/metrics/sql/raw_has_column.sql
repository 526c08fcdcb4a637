-- Whether the attached database's table (or view) has the named column.
SELECT count(*) > 0 FROM duckdb_columns()
WHERE database_name = 'raw' AND table_name = $table_name AND column_name = $column_name;
