-- A database written before report_totals existed: its totals, once, when a writer first opens it.
INSERT INTO report_totals SELECT * FROM memory.report_totals_of('facts');
