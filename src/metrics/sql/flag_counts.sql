-- The findings about the filtered reports by check: how many, and about how many reports (the Data
-- quality page's summary, most frequent first; flags_detail lists the findings).
SELECT g.code, count(DISTINCT g.report_id) AS reports, count(*) AS flags
FROM findings g
JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    USING (report_id)
GROUP BY g.code
ORDER BY flags DESC, g.code;
