-- Sums of chosen metrics per agency over the filtered set, largest agencies (by the first sum) first.
WITH sums AS (
    SELECT f.agency, f.metric_id, sum(f.value) AS value, count(DISTINCT f.report_id) AS reports
    FROM filterable_facts f
    SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
        ON s.report_id = f.report_id
    WHERE list_contains($metrics, f.metric_id) AND f.requester_column = 'total'
    GROUP BY ALL
),
ranked AS (
    SELECT agency, sum(value) AS agency_total,
        row_number() OVER (ORDER BY sum(value) DESC NULLS LAST, agency) AS agency_rank
    FROM sums
    GROUP BY agency
)
SELECT s.agency, s.metric_id, s.value, s.reports, r.agency_rank
FROM sums s
JOIN ranked r USING (agency)
WHERE r.agency_rank <= $top_n
ORDER BY r.agency_rank, s.metric_id;
