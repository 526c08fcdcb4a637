-- Chosen series over the years, one line per group. A series joins the legacy and standard metric
-- ids that measure the same thing (series_map); groups beyond the $top_n largest are left out.
-- The figures are the selected reports' 总计 cells (report_series.sql), read in the columns of the
-- series' metrics only ($series_metrics, which queries.series_params gives with $series): a report
-- counts where it prints a metric of the series, with a value or without one (not_applicable).
WITH sel AS (
    SELECT report_id, year, format,
        CASE $group_by WHEN 'agency' THEN agency WHEN 'region' THEN region WHEN 'level' THEN level
                       WHEN 'agency_type' THEN agency_type ELSE '' END AS grp
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
wide AS (
    SELECT s.year, s.grp, s.format, s.report_id, t.not_applicable,
        COLUMNS(lambda c: list_contains($series_metrics, c))
    FROM sel s
    JOIN report_series_source t USING (report_id)
),
cells AS (
    SELECT * FROM wide
    UNPIVOT INCLUDE NULLS (value FOR metric_id IN (COLUMNS(lambda c: list_contains($series_metrics, c))))
),
vals AS (
    SELECT c.year, c.grp, m.series_id, c.report_id, c.value
    FROM cells c
    JOIN series_map m ON m.metric_id = c.metric_id AND m.format = c.format
    WHERE list_contains($series, m.series_id)
      AND (c.value IS NOT NULL OR list_contains(c.not_applicable, c.metric_id))
),
top_groups AS (
    SELECT grp FROM vals GROUP BY grp ORDER BY sum(value) DESC NULLS LAST, grp LIMIT $top_n
)
SELECT year, grp, series_id, sum(value) AS value, count(DISTINCT report_id) AS reports
FROM vals
SEMI JOIN top_groups USING (grp)
GROUP BY ALL
ORDER BY series_id, grp, year;
