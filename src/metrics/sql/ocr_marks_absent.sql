-- A database written before OCR marks were kept (or a Parquet tree of one): every mark unknown (NULL),
-- so the pages read it with the same columns.
CREATE OR REPLACE VIEW marked_facts AS
SELECT *, NULL::BOOLEAN AS ocr, NULL::INTEGER AS ocr_page, NULL::DOUBLE AS ocr_confidence FROM raw.facts;
