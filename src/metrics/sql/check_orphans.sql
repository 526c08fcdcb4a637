-- Rows that point at nothing: facts and flags of no stored report, log entries naming a report that
-- is not stored, reports whose file has no log entry, and stored choices of a version that is not
-- a stored report of that agency and year.
SELECT 'fact without its report' AS finding, report_id AS subject, count(*) || ' facts' AS detail
FROM raw.facts
WHERE report_id NOT IN (SELECT report_id FROM raw.reports)
GROUP BY report_id
UNION ALL
SELECT 'flag without its report', report_id, count(*) || ' flags'
FROM raw.flags
WHERE report_id NOT IN (SELECT report_id FROM raw.reports)
GROUP BY report_id
UNION ALL
SELECT 'log entry without its report', file_path, 'report ' || report_id
FROM raw.ingest_log
WHERE report_id IS NOT NULL AND report_id NOT IN (SELECT report_id FROM raw.reports)
UNION ALL
SELECT 'report without a log entry', report_id, file_path
FROM raw.reports r
WHERE NOT EXISTS (SELECT 1 FROM raw.ingest_log l WHERE l.file_path = r.file_path)
UNION ALL
SELECT 'choice of a version not stored', c.agency || ' ' || c.year, 'report ' || c.report_id
FROM raw.current_choices c
WHERE NOT EXISTS (
    SELECT 1 FROM raw.reports r WHERE r.report_id = c.report_id AND r.agency = c.agency AND r.year = c.year
)
ORDER BY finding, subject;
