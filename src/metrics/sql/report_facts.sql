-- Every figure of one report with its evidence.
SELECT metric_id, requester_column, value, approximate, derived, evidence, note
FROM raw.facts
WHERE report_id = $report_id
ORDER BY metric_id, requester_column;
