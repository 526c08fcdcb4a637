-- A database written before report_cells existed: the table, with its facts' cells, once, when a
-- writer first opens it. A new database gets it here too (empty), shaped by report_cells.sql.
CREATE TABLE report_cells AS SELECT * FROM memory.report_cells_of('facts');
