-- How many agencies the filtered set holds and how many of their years in its span have no report:
-- the Overview's figures over every coverage cell, counted without making the cells (a cell per
-- agency and year is a million rows at a whole country's scale).
SELECT count(*) AS agencies, coalesce(sum(missing_years), 0) AS missing_cells
FROM coverage_agencies($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats);
