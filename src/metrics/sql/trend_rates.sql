-- Grant, refusal and correction rates over the years, one line per group, with their denominators.
WITH sel AS (
    SELECT *,
        CASE $group_by WHEN 'agency' THEN agency WHEN 'region' THEN region WHEN 'level' THEN level
                       WHEN 'agency_type' THEN agency_type ELSE '' END AS grp
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
top_groups AS (
    SELECT grp FROM sel GROUP BY grp ORDER BY sum(outcome_total) DESC NULLS LAST, grp LIMIT $top_n
)
SELECT
    year, grp,
    sum(granted_or_partial) / nullif(sum(outcome_total), 0) AS grant_rate,
    sum(refused) / nullif(sum(outcome_total), 0) AS refusal_rate,
    sum(outcome_total) AS requests_base,
    sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate,
    sum(correction_base) AS cases_base,
    count(*) AS reports
FROM sel
SEMI JOIN top_groups USING (grp)
GROUP BY ALL
ORDER BY grp, year;
