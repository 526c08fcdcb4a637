-- Agencies x years of the filtered set: which reports exist, which are missing, which came late
-- (coverage_cells in views.sql). Every cell: the download behind the Overview's coverage map.
SELECT *
FROM coverage_cells($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats, [], false)
ORDER BY missing_years DESC, agency, year;
