-- A database written before report_series existed: the table, with its facts' figures, once, when a
-- writer first opens it. A new database gets it here too (empty), shaped by report_series.sql.
CREATE TABLE report_series AS SELECT * FROM memory.report_series_of('facts');
