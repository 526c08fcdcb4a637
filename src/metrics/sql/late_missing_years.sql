-- How many late and missing cells (late_missing.sql) each year has, latest first: the Overview's
-- choice of year and its count of the rows it does not show.
SELECT year, count(*) AS cells
FROM coverage_cells($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats, [], true)
GROUP BY year
ORDER BY year DESC;
