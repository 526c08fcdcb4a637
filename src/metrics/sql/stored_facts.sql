-- Every stored fact with its report's layout, for re-running the identities.
SELECT r.report_id, r.format, f.metric_id, f.requester_column, f.value, f.approximate, f.derived
FROM raw.reports r
JOIN raw.facts f USING (report_id)
ORDER BY r.report_id;
