-- The table builder's cells: each chosen metric's total per agency and year over the filtered set.
SELECT f.agency, f.year, f.metric_id, sum(f.value) AS value
FROM filterable_facts f
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    ON s.report_id = f.report_id
WHERE list_contains($metrics, f.metric_id)
  AND f.requester_column = 'total'
  AND coalesce(f.agency, '') <> ''
GROUP BY f.agency, f.year, f.metric_id
ORDER BY f.agency, f.year, f.metric_id;
