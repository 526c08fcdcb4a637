-- The per-report totals as the store keeps them (raw.report_totals, see report_totals.sql).
CREATE OR REPLACE TEMP VIEW report_totals_source AS SELECT * FROM raw.main.report_totals;
