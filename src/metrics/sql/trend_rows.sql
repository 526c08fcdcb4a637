-- The figures behind a trend chart: one row per report x metric feeding a chosen series.
SELECT
    r.report_id, r.agency, r.year, r.region, r.level, r.agency_type, r.format,
    m.series_id, f.metric_id, f.value, f.approximate, f.derived, f.evidence,
    r.file_path, r.parser_version, r.flag_codes
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
JOIN raw.facts f USING (report_id)
JOIN series_map m ON m.metric_id = f.metric_id AND m.format = r.format
WHERE f.requester_column = 'total' AND list_contains($series, m.series_id)
ORDER BY m.series_id, r.agency, r.year, f.metric_id, r.report_id;
