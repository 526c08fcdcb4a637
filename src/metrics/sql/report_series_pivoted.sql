-- The per-report 总计 figures of a database that does not keep them (written before report_series, or
-- a Parquet tree): pivoted from its facts when a page asks (report_series.sql).
CREATE OR REPLACE VIEW report_series_source AS SELECT * FROM memory.report_series_of('raw.facts');
