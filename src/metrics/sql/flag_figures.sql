-- The figures of the filtered reports that have identity findings: what those findings' sentences
-- quote (metrics.dashboard.findings). Other findings (dates, across years) are said by their stored
-- message, so their reports' figures are not fetched: a million reports have many of those.
SELECT f.report_id, f.metric_id, f.requester_column, f.value
FROM raw.facts f
JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    USING (report_id)
WHERE f.value IS NOT NULL
  AND f.report_id IN (SELECT report_id FROM findings WHERE starts_with(code, 'identity:'));
