-- Every printed or derived figure behind a chart: the chosen metrics and requester columns of the
-- filtered set, one row per report x metric x column, with evidence and provenance.
SELECT
    f.report_id, f.agency, f.year, f.region, f.level, f.agency_type, f.format,
    f.metric_id, f.requester_column, f.value, f.approximate, f.derived, f.ocr, f.evidence,
    f.file_path, f.parser_version, f.flag_codes
FROM filterable_facts f
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    ON s.report_id = f.report_id
WHERE list_contains($metrics, f.metric_id)
  AND list_contains($columns, f.requester_column)
ORDER BY f.agency, f.year, f.metric_id, f.requester_column, f.report_id;
