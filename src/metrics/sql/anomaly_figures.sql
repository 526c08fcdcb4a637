-- The figures the anomaly checks compare (metrics.anomalies): every current report with an agency
-- and a year, whatever the filters, since a report is judged against its own other years and its peers.
SELECT report_id, agency, region, level, agency_type, year, format,
    requests_new, requests_carried_over, requests_carried_forward, outcome_total,
    granted_or_partial, refused, review_total, litigation_total
FROM report_figures
WHERE coalesce(agency, '') <> '' AND year IS NOT NULL
ORDER BY agency, year;
