-- Every figure of the roll-up's reports ($year's current reports of the region) added up per layout,
-- metric and requester column, with how many reports give it a value: the 总计 figures from
-- report_series, the other requester columns' from report_columns (cells named metric:column). Both
-- hold a row per report, so no fact is read: the facts lie in report order, and joining one year's
-- reports with all of them took over half a second at a whole country's scale. Each summary is joined
-- and added up on its own: joined together, their 300 columns made rows that took seconds to build. The
-- layouts are mapped onto the 2021 table in Python (metrics.rollup), where the era mapping is data.
WITH sel AS (
    SELECT report_id, format
    FROM regional_reports($region, $levels, $agency_types)
    WHERE year = $year
),
-- Per layout, each cell's sum ('sum|cell') and how many reports give it a value ('count|cell').
series AS (
    SELECT r.format,
        sum(COLUMNS(s.* EXCLUDE (report_id, not_applicable))) AS 'sum|\0',
        count(COLUMNS(s.* EXCLUDE (report_id, not_applicable))) AS 'count|\0'
    FROM sel r
    JOIN report_series_source s USING (report_id)
    GROUP BY r.format
),
requester_columns AS (
    SELECT r.format,
        sum(COLUMNS(c.* EXCLUDE (report_id))) AS 'sum|\0',
        count(COLUMNS(c.* EXCLUDE (report_id))) AS 'count|\0'
    FROM sel r
    JOIN report_columns_source c USING (report_id)
    GROUP BY r.format
),
-- One row per layout, cell and kind; UNPIVOT leaves out the sums of cells no report gives a value.
parts AS (
    UNPIVOT series ON COLUMNS(* EXCLUDE (format)) INTO NAME name VALUE v
    UNION ALL
    UNPIVOT requester_columns ON COLUMNS(* EXCLUDE (format)) INTO NAME name VALUE v
),
cells AS (
    SELECT format, split_part(name, '|', 2) AS cell,
        sum(v) FILTER (WHERE split_part(name, '|', 1) = 'sum') AS value,
        CAST(sum(v) FILTER (WHERE split_part(name, '|', 1) = 'count') AS BIGINT) AS reports
    FROM parts
    GROUP BY ALL
    HAVING value IS NOT NULL
)
SELECT format,
    split_part(cell, ':', 1) AS metric_id,
    coalesce(nullif(split_part(cell, ':', 2), ''), 'total') AS requester_column,
    value, reports
FROM cells
ORDER BY ALL;
