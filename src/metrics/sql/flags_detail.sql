-- The findings about the filtered reports, with the figure each one is about and where its follow-up
-- stands (open until a person sets it). A finding's figure is looked up among the figures findings
-- are about (finding_facts, which the cleaned layer keeps), not among the facts.
SELECT
    r.agency, r.year, r.format, g.code, g.severity, g.scope, g.message,
    g.metric_id, g.requester_column, f.value AS reported_value, f.evidence,
    r.report_id, r.file_path, r.parser_version, r.published,
    coalesce(v.status, 'open') AS status, coalesce(v.note, '') AS note, v.reviewed_at
FROM findings g
JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    USING (report_id)
LEFT JOIN finding_facts f
    ON f.report_id = g.report_id AND f.metric_id = g.metric_id
   AND f.requester_column = coalesce(nullif(g.requester_column, ''), 'total')
LEFT JOIN flag_statuses v ON v.report_id = g.report_id AND v.code = g.code
ORDER BY g.severity DESC, r.agency, r.year, g.code, g.message, r.report_id, f.value, f.evidence
-- The first $limit findings, which the page lists (a million reports have tens of thousands); NULL
-- gives every one, as the downloads do.
LIMIT $limit;
