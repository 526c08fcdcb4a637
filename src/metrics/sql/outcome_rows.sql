-- The figures behind the answer-category chart, one row per report x category, with provenance.
SELECT
    f.report_id, f.agency, f.year, f.region, f.level, f.agency_type, f.format,
    f.metric_id, f.value, f.approximate, f.derived, f.evidence,
    f.file_path, f.parser_version, f.flag_codes
FROM filterable_facts f
JOIN outcome_parts p ON p.format = f.format AND p.metric_id = f.metric_id
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    ON s.report_id = f.report_id
WHERE f.requester_column = 'total'
ORDER BY f.agency, f.year, p.position, f.report_id;
