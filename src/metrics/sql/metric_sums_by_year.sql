-- Yearly sums of chosen metrics and requester columns over the filtered set.
SELECT
    f.year, f.metric_id, f.requester_column,
    sum(f.value) AS value,
    count(DISTINCT f.report_id) FILTER (WHERE f.value IS NOT NULL) AS reports
FROM filterable_facts f
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    ON s.report_id = f.report_id
WHERE list_contains($metrics, f.metric_id)
  AND list_contains($columns, f.requester_column)
GROUP BY ALL
ORDER BY f.year, f.metric_id, f.requester_column;
