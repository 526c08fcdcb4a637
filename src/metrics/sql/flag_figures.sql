-- The figures of the filtered reports that have findings: what the findings' sentences quote.
SELECT f.report_id, f.metric_id, f.requester_column, f.value
FROM raw.facts f
JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    USING (report_id)
WHERE f.value IS NOT NULL AND f.report_id IN (SELECT report_id FROM findings);
