-- The reports of the filtered set with their headline figures and provenance (pages read by OCR too).
SELECT
    report_id, agency, year, region, level, agency_type, format, status, published, deadline, late,
    proactive_items, requests_new, outcome_granted, outcome_partial, outcome_denied, outcome_total,
    review_total, review_corrected, review_pending, litigation_total, litigation_corrected, litigation_pending,
    file_path, parser_version, ocr_pages, warnings, flag_codes
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
ORDER BY agency, year, report_id;
