-- The reports of one agency, newest first, every version (the report-detail chooser marks the current one).
SELECT report_id, year, format, status, file_path, is_current, versions
FROM report_versions
WHERE agency = $agency
ORDER BY year DESC NULLS LAST, is_current DESC, report_id;
