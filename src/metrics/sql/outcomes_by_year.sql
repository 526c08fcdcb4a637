-- Requests by answer category per year of the filtered set (top-level categories of each layout).
-- The selected reports join the facts directly (not through filterable_facts and a second join), and
-- the facts are narrowed to answer categories before the join: the same rows, read once.
SELECT s.year, f.metric_id, any_value(p.position) AS position, sum(f.value) AS value,
    count(DISTINCT f.report_id) AS reports
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
JOIN raw.facts f USING (report_id)
JOIN outcome_parts p ON p.format = s.format AND p.metric_id = f.metric_id
WHERE f.requester_column = 'total'
  AND f.metric_id IN (SELECT metric_id FROM outcome_parts)
GROUP BY s.year, f.metric_id
ORDER BY s.year, position;
