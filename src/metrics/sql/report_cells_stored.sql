-- The per-report chart cells as the store keeps them (raw.report_cells, see report_cells.sql).
CREATE OR REPLACE TEMP VIEW report_cells_source AS SELECT * FROM raw.main.report_cells;
