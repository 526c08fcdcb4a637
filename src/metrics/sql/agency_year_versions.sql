-- Agencies and years with more than one stored version, every version with what tells them apart
-- and which one counts (current_by: the rule, or a person's choice).
SELECT agency, year, is_current, current_by, versions, published, ingested_at, format, status,
    requests_new, outcome_total, warnings, title, file_path, report_id
FROM report_versions
WHERE versions > 1
ORDER BY agency, year, is_current DESC, published DESC NULLS LAST, ingested_at DESC;
