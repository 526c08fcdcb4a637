-- Reports the filters cannot place because the year or the agency could not be read.
SELECT report_id, title, agency, year, format, status, file_path, parser_version, flag_codes
FROM report_figures
WHERE year IS NULL OR coalesce(agency, '') = ''
ORDER BY file_path;
