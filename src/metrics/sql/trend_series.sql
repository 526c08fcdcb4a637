-- Chosen series over the years, one line per group. A series joins the legacy and standard metric
-- ids that measure the same thing (series_map); groups beyond the $top_n largest are left out.
WITH sel AS (
    SELECT report_id, year, format,
        CASE $group_by WHEN 'agency' THEN agency WHEN 'region' THEN region WHEN 'level' THEN level
                       WHEN 'agency_type' THEN agency_type ELSE '' END AS grp
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
vals AS (
    SELECT s.year, s.grp, m.series_id, f.report_id, f.value
    FROM sel s
    JOIN raw.facts f USING (report_id)
    JOIN series_map m ON m.metric_id = f.metric_id AND m.format = s.format
    WHERE f.requester_column = 'total' AND list_contains($series, m.series_id)
),
top_groups AS (
    SELECT grp FROM vals GROUP BY grp ORDER BY sum(value) DESC NULLS LAST, grp LIMIT $top_n
)
SELECT year, grp, series_id, sum(value) AS value, count(DISTINCT report_id) AS reports
FROM vals
SEMI JOIN top_groups USING (grp)
GROUP BY ALL
ORDER BY series_id, grp, year;
