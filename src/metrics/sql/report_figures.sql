-- The current version of every report: what totals, charts and filters count.
CREATE OR REPLACE VIEW report_figures AS
SELECT * FROM report_versions WHERE is_current;
