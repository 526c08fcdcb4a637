-- The coverage cells of reports that came late or are missing, for the Overview's list, in its order
-- (latest year first; late before missing, the latest first): of one year ($year; NULL for all) and
-- at most $max_rows of them (NULL for all, as the download has them). The other cells (most of them)
-- are not sent to the page, nor, past the rows it shows, the late and missing ones: at a whole
-- country's scale they are a quarter of a million.
SELECT *
FROM coverage_cells($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats, [], true)
WHERE $year IS NULL OR year = $year
ORDER BY year DESC, state, days_late DESC NULLS LAST, agency
LIMIT $max_rows;
