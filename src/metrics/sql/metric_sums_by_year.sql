-- Yearly sums of chosen metrics and requester columns over the filtered set, for the cells every
-- report row carries (report_cells.sql; a cell is named metric_id, or metric_id:column off the 总计
-- column): summed by year first, then one row per cell, so no fact is read. A cell the rows do not
-- carry is an error, not an empty answer. `reports` counts the reports with a value.
WITH flat AS (
    SELECT year, unnest(cells)
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
wanted AS (
    SELECT year, COLUMNS(lambda c: list_contains(flatten(list_transform($metrics, lambda m: list_transform($columns,
        lambda col: CASE WHEN col = 'total' THEN m ELSE m || ':' || col END))), c)), not_applicable
    FROM flat
),
sums AS (SELECT year, sum(COLUMNS(* EXCLUDE (year, not_applicable))) FROM wanted GROUP BY year),
counts AS (SELECT year, count(COLUMNS(* EXCLUDE (year, not_applicable))) FROM wanted GROUP BY year),
summed AS (UNPIVOT sums ON COLUMNS(* EXCLUDE (year)) INTO NAME cell VALUE value),
valued AS (UNPIVOT counts ON COLUMNS(* EXCLUDE (year)) INTO NAME cell VALUE reports),
unvalued AS (
    SELECT year, cell, count(*) AS reports
    FROM (SELECT year, unnest(not_applicable) AS cell FROM wanted)
    GROUP BY ALL
)
-- Counts are never NULL, sums are where no report gives a value (UNPIVOT leaves those out).
SELECT
    c.year,
    split_part(c.cell, ':', 1) AS metric_id,
    coalesce(nullif(split_part(c.cell, ':', 2), ''), 'total') AS requester_column,
    s.value,
    c.reports
FROM valued c
LEFT JOIN summed s USING (year, cell)
LEFT JOIN unvalued u USING (year, cell)
WHERE c.reports + coalesce(u.reports, 0) > 0
ORDER BY c.year, metric_id, requester_column;
