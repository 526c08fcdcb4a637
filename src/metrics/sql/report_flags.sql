-- The findings about one report.
SELECT code, severity, scope, message, metric_id, requester_column
FROM findings
WHERE report_id = $report_id
ORDER BY severity DESC, code;
