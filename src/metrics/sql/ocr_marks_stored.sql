-- The OCR marks as the store keeps them: pages read by OCR per report, and per figure whether it was
-- read by OCR, on which page and how sure the engine was (schema.sql).
CREATE OR REPLACE VIEW report_ocr AS SELECT report_id, ocr_pages FROM raw.reports;
CREATE OR REPLACE VIEW marked_facts AS SELECT * FROM raw.facts;
