-- Requests by answer category per year of the filtered set (top-level categories of each layout).
-- Read from the cells every report row carries (report_cells.sql): summed by year and layout first,
-- then one row per category, so no fact is read. A category counts the reports that print it, with
-- a value or as not applicable.
WITH flat AS (
    SELECT year, format, unnest(cells)
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
sums AS (
    SELECT year, format, sum(COLUMNS('^(outcome_.*|unable_not_held)$')) FROM flat GROUP BY year, format
),
counts AS (
    SELECT year, format, count(COLUMNS('^(outcome_.*|unable_not_held)$')) FROM flat GROUP BY year, format
),
summed AS (
    UNPIVOT sums ON COLUMNS(* EXCLUDE (year, format)) INTO NAME metric_id VALUE value
),
valued AS (
    UNPIVOT counts ON COLUMNS(* EXCLUDE (year, format)) INTO NAME metric_id VALUE reports
),
unvalued AS (
    SELECT year, format, metric_id, count(*) AS reports
    FROM (SELECT year, format, unnest(not_applicable) AS metric_id FROM flat)
    GROUP BY ALL
)
-- Counts are never NULL, sums are where no report gives a value (UNPIVOT leaves those out).
SELECT c.year, c.metric_id, any_value(p.position) AS position, sum(s.value) AS value,
    sum(c.reports + coalesce(u.reports, 0))::BIGINT AS reports
FROM valued c
LEFT JOIN summed s USING (year, format, metric_id)
LEFT JOIN unvalued u USING (year, format, metric_id)
JOIN outcome_parts p ON p.format = c.format AND p.metric_id = c.metric_id
WHERE c.reports + coalesce(u.reports, 0) > 0
GROUP BY c.year, c.metric_id
ORDER BY c.year, position;
