-- The per-report 总计 figures as the store keeps them (raw.report_series, see report_series.sql). Not a
-- temporary view: pages read it at query time, through cursors of their own.
CREATE OR REPLACE VIEW report_series_source AS SELECT * FROM raw.report_series;
