-- The reports a regional roll-up adds up: the current version of each agency's report of the year.
SELECT report_id, agency, region, level, agency_type, format, warnings, flag_codes, file_path
FROM regional_reports($region, $levels, $agency_types)
WHERE year = $year
ORDER BY region, agency, report_id;
