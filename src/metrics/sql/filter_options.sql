-- The values each sidebar filter offers: everything the database holds, whatever else is selected.
SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value FROM report_figures WHERE year IS NOT NULL
UNION SELECT 'region', region FROM report_figures WHERE coalesce(region, '') <> ''
UNION SELECT 'level', level FROM report_figures WHERE coalesce(level, '') <> ''
UNION SELECT 'agency_type', agency_type FROM report_figures WHERE coalesce(agency_type, '') <> ''
UNION SELECT 'agency', agency FROM report_figures WHERE coalesce(agency, '') <> ''
UNION SELECT 'format', format FROM report_figures
ORDER BY kind, value;
