-- One ingest batch, run inside a transaction. new_log, new_reports, new_facts and new_flags are
-- Arrow tables registered by the writer; a file that produced a report replaces its earlier one.
DELETE FROM facts WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM flags WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM report_totals
WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM report_cells
WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM report_series
WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM report_columns
WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM flagged_facts
WHERE report_id IN (SELECT r.report_id FROM reports r JOIN new_reports n USING (file_path));
DELETE FROM reports WHERE file_path IN (SELECT file_path FROM new_reports);

INSERT INTO reports
SELECT report_id, file_path, content_hash, title, agency, region, level, agency_type, year,
       TRY_CAST(published AS DATE), format, status, parser_version, ingested_at, encoding, body_text,
       ocr_pages
FROM new_reports;

INSERT INTO facts
SELECT report_id, metric_id, requester_column, value, evidence, approximate, derived, note,
       ocr, ocr_page, ocr_confidence
FROM new_facts;

INSERT INTO report_totals SELECT * FROM memory.report_totals_of('new_facts');
INSERT INTO report_cells SELECT * FROM memory.report_cells_of('new_facts');
INSERT INTO report_series SELECT * FROM memory.report_series_of('new_facts');
INSERT INTO report_columns SELECT * FROM memory.report_columns_of('new_facts');
INSERT INTO flagged_facts
SELECT report_id, metric_id, requester_column, value, evidence, approximate, derived, note,
       ocr, ocr_page, ocr_confidence
FROM new_facts
WHERE report_id IN (SELECT report_id FROM new_flags);

INSERT INTO flags SELECT report_id, code, message, metric_id, requester_column, severity, 'report'
FROM new_flags;

INSERT OR REPLACE INTO ingest_log
SELECT file_path, content_hash, status, reason, report_id, format, parser_version, attempted_at
FROM new_log;
