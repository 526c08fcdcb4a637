-- Reports stored as read ('ok') that hold no figure: their facts were lost.
SELECT 'report without its facts' AS finding, r.report_id AS subject, r.file_path AS detail
FROM raw.reports r
WHERE r.status = 'ok' AND NOT EXISTS (SELECT 1 FROM raw.facts f WHERE f.report_id = r.report_id)
ORDER BY r.report_id;
