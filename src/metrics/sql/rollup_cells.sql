-- Every figure of the roll-up's reports ($year's current reports of the region) added up per layout,
-- metric and requester column, with how many reports give it a value: the 总计 figures from
-- report_series, the other requester columns' from report_columns (cells named metric:column). Both
-- hold a row per report, so no fact is read: the facts lie in report order, and joining one year's
-- reports with all of them took over half a second at a whole country's scale. The layouts are mapped
-- onto the 2021 table in Python (metrics.rollup), where the era mapping is data.
WITH figures AS (
    SELECT r.format, s.* EXCLUDE (report_id, not_applicable), c.* EXCLUDE (report_id)
    FROM regional_reports($region, $levels, $agency_types) r
    LEFT JOIN report_series_source s USING (report_id)
    LEFT JOIN report_columns_source c USING (report_id)
    WHERE r.year = $year
),
sums AS (SELECT format, sum(COLUMNS(* EXCLUDE (format))) FROM figures GROUP BY format),
counts AS (SELECT format, count(COLUMNS(* EXCLUDE (format))) FROM figures GROUP BY format),
-- One row per layout and cell; UNPIVOT leaves out the cells no report gives a value.
cells AS (
    SELECT format, cell, value, reports
    FROM (UNPIVOT sums ON COLUMNS(* EXCLUDE (format)) INTO NAME cell VALUE value)
    JOIN (UNPIVOT counts ON COLUMNS(* EXCLUDE (format)) INTO NAME cell VALUE reports) USING (format, cell)
)
SELECT format,
    split_part(cell, ':', 1) AS metric_id,
    coalesce(nullif(split_part(cell, ':', 2), ''), 'total') AS requester_column,
    value, reports
FROM cells
ORDER BY ALL;
