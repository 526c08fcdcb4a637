-- The per-report requester-column figures as the store keeps them (raw.report_columns, see
-- report_columns.sql). Not a temporary view: pages read it at query time, through cursors of their own.
CREATE OR REPLACE VIEW report_columns_source AS SELECT * FROM raw.report_columns;
