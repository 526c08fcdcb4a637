-- Requests by answer category per year of the filtered set (top-level categories of each layout).
SELECT f.year, f.metric_id, any_value(p.position) AS position, sum(f.value) AS value,
    count(DISTINCT f.report_id) AS reports
FROM filterable_facts f
JOIN outcome_parts p ON p.format = f.format AND p.metric_id = f.metric_id
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    ON s.report_id = f.report_id
WHERE f.requester_column = 'total'
GROUP BY f.year, f.metric_id
ORDER BY f.year, position;
