-- The agencies of the filtered set with how many reports each has.
SELECT agency, count(*) AS reports
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
WHERE coalesce(agency, '') <> ''
GROUP BY agency
ORDER BY agency;
