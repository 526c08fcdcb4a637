-- The per-report chart cells of a database that does not keep them (written before report_cells, or
-- a Parquet tree): pivoted from its facts when the snapshot is built (report_cells.sql).
CREATE OR REPLACE TEMP VIEW report_cells_source AS SELECT * FROM memory.report_cells_of('raw.facts');
