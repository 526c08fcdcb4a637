-- The coverage cells of the first $max_agencies agencies in coverage.sql's order (most missing years
-- first, then by name): the rows the Overview's map draws, without making every agency's cells.
WITH shown AS (
    SELECT agency
    FROM coverage_agencies($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
    ORDER BY missing_years DESC, agency
    LIMIT $max_agencies
)
SELECT *
FROM coverage_cells($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats,
                    (SELECT coalesce(list(agency), []) FROM shown), false)
ORDER BY missing_years DESC, agency, year;
