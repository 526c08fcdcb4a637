-- A rebuild's last step, with the old database attached as `old` and the names of the files no
-- longer found registered as `missing_files`: what the old database held for those files is kept
-- as it was (unless the new one has the same report from another file), and so are the versions
-- people chose that the new database still holds.
CREATE OR REPLACE TEMP TABLE carried AS
SELECT report_id
FROM old.reports
WHERE file_path IN (SELECT file_path FROM missing_files)
  AND report_id NOT IN (SELECT report_id FROM reports);

-- By name: an old database written before a column was added lacks it, and leaves it NULL here.
INSERT INTO reports BY NAME SELECT * FROM old.reports WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO facts BY NAME SELECT * FROM old.facts WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO report_totals SELECT * FROM memory.report_totals_of('facts') WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO report_cells SELECT * FROM memory.report_cells_of('facts') WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO report_series SELECT * FROM memory.report_series_of('facts') WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO report_columns SELECT * FROM memory.report_columns_of('facts') WHERE report_id IN (SELECT report_id FROM carried);
INSERT INTO flags SELECT * FROM old.flags
WHERE report_id IN (SELECT report_id FROM carried) AND scope = 'report';
INSERT OR REPLACE INTO ingest_log SELECT * FROM old.ingest_log
WHERE file_path IN (SELECT file_path FROM missing_files);

INSERT OR REPLACE INTO current_choices SELECT * FROM old.current_choices
WHERE report_id IN (SELECT report_id FROM reports);

DROP TABLE carried;
