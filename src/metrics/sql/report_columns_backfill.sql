-- A database written before report_columns existed: the table, with its facts' figures, once, when a
-- writer first opens it. A new database gets it here too (empty), shaped by report_columns.sql.
CREATE TABLE report_columns AS SELECT * FROM memory.report_columns_of('facts');
