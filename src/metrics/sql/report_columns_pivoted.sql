-- The per-report requester-column figures of a database that does not keep them (written before
-- report_columns, or a Parquet tree): pivoted from its facts when a page asks (report_columns.sql).
CREATE OR REPLACE VIEW report_columns_source AS SELECT * FROM memory.report_columns_of('raw.facts');
