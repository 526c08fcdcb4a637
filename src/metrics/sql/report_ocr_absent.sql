-- A database written before OCR marks were kept (or a Parquet tree of one): pages read by OCR unknown
-- (NULL), for the cleaned layer's build (report_ocr_stored.sql).
CREATE OR REPLACE TEMP VIEW report_ocr AS SELECT report_id, NULL::INTEGER AS ocr_pages FROM raw.main.reports;
