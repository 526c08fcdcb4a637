-- The agencies of the filtered reports that have findings, for the Data quality page's export of one
-- agency's findings.
SELECT DISTINCT r.agency
FROM findings g
JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    USING (report_id)
ORDER BY r.agency;
