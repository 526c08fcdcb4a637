-- One chunk of generated reports (metrics.demo.bulk_store), loaded as ingest would have stored them.
-- new_reports, new_facts, new_flags and new_log are Arrow tables registered by the generator; the
-- columns every generated row shares are filled in here (nothing generated is read by OCR). Evidence names the cell, as a table
-- report's evidence does, without the printed text the generator never wrote. Facts are stored in
-- report order (the generator hands out report ids in ascending order, chunk after chunk), so a
-- report's figures sit together and the report page's lookup by id reads a row group or two.
INSERT INTO reports
SELECT report_id, file_path, content_hash, title, agency, region, level, agency_type, year, published,
       format, 'ok', parser_version, ingested_at, 'utf-8', '(批量生成的演示数据:只有数字,没有原文。)', 0
FROM new_reports;

INSERT INTO facts
SELECT report_id, metric_id, requester_column, value,
       'generated: ' || metric_id || ' / ' || requester_column, FALSE, FALSE, '', FALSE, NULL, NULL
FROM new_facts
ORDER BY report_id;

INSERT INTO flagged_facts
SELECT report_id, metric_id, requester_column, value,
       'generated: ' || metric_id || ' / ' || requester_column, FALSE, FALSE, '', FALSE, NULL, NULL
FROM new_facts
WHERE report_id IN (SELECT report_id FROM new_flags)
ORDER BY report_id;

INSERT INTO report_totals SELECT * FROM memory.report_totals_of('new_facts');
INSERT INTO report_cells SELECT * FROM memory.report_cells_of('new_facts');
INSERT INTO report_series SELECT * FROM memory.report_series_of('new_facts');
INSERT INTO report_columns SELECT * FROM memory.report_columns_of('new_facts');

INSERT INTO flags SELECT report_id, code, message, metric_id, requester_column, severity, 'report'
FROM new_flags;

INSERT INTO ingest_log
SELECT l.file_path, coalesce(r.content_hash, sha256(l.file_path)),
       CASE WHEN l.report_id IS NULL THEN 'failed' ELSE 'ok' END,
       CASE WHEN l.report_id IS NULL THEN 'PDF could not be read: the file is cut short' ELSE '' END,
       l.report_id, l.format, (SELECT min(parser_version) FROM new_reports), coalesce(r.ingested_at, TIMESTAMP '2026-01-01')
FROM new_log l LEFT JOIN new_reports r USING (report_id);
