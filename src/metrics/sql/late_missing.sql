-- The coverage cells of reports that came late or are missing, for the Overview's list: the other
-- cells (most of them) are not sent to the page.
SELECT *
FROM coverage_cells($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats, [], true)
ORDER BY missing_years DESC, agency, year;
