-- One report's metadata, provenance and original text; any version, current or not.
SELECT r.report_id, r.title, r.agency, r.region, r.level, r.agency_type, r.year, r.published, r.format,
    r.status, r.file_path, r.parser_version, r.ingested_at, r.encoding, r.body_text,
    f.deadline, f.late, f.warnings, f.flag_codes, f.is_current, f.versions, f.ocr_pages
FROM raw.reports r
JOIN report_versions f USING (report_id)
WHERE r.report_id = $report_id;
