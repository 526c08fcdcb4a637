-- Pages read by OCR per report, as the store keeps them (schema.sql), for the cleaned layer's build
-- only (cleaned_layer.sql): temporary, so the writer's build keeps none of it in the file.
CREATE OR REPLACE TEMP VIEW report_ocr AS SELECT report_id, ocr_pages FROM raw.main.reports;
