-- The findings about one report.
SELECT g.code, g.severity, g.scope, g.message, g.metric_id, g.requester_column,
    coalesce(v.status, 'open') AS status, coalesce(v.note, '') AS note
FROM findings g
LEFT JOIN flag_statuses v ON v.report_id = g.report_id AND v.code = g.code
WHERE g.report_id = $report_id
ORDER BY g.severity DESC, g.code;
