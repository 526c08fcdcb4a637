-- A person's choice of the version that counts for its agency and year (replaces an earlier choice).
INSERT OR REPLACE INTO current_choices
SELECT agency, year, report_id, CAST(now() AS TIMESTAMP)
FROM reports
WHERE report_id = $report_id AND coalesce(agency, '') <> '' AND year IS NOT NULL;
