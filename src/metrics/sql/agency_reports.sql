-- The reports of one agency, newest first (the report-detail chooser).
SELECT report_id, year, format, status, file_path
FROM report_figures
WHERE agency = $agency
ORDER BY year DESC NULLS LAST, report_id;
