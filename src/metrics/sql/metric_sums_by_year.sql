-- Yearly sums of chosen metrics and requester columns over the filtered set. The selected reports join
-- the facts directly (not through filterable_facts and a second join): the same rows, read once.
SELECT
    s.year, f.metric_id, f.requester_column,
    sum(f.value) AS value,
    count(DISTINCT f.report_id) FILTER (WHERE f.value IS NOT NULL) AS reports
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
JOIN raw.facts f USING (report_id)
WHERE list_contains($metrics, f.metric_id)
  AND list_contains($columns, f.requester_column)
GROUP BY ALL
ORDER BY s.year, f.metric_id, f.requester_column;
