-- The identity flags stored with each report (found in the report, not across years).
SELECT report_id, code, coalesce(metric_id, '') AS metric_id, coalesce(requester_column, 'total') AS requester_column
FROM raw.flags
WHERE scope = 'report' AND code LIKE 'identity:%';
