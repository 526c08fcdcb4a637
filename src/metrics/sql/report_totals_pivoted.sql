-- The per-report totals of a database that does not keep them (written before report_totals, or a
-- Parquet tree): pivoted from its facts when the snapshot is built (report_totals.sql).
CREATE OR REPLACE TEMP VIEW report_totals_source AS SELECT * FROM memory.report_totals_of('raw.facts');
