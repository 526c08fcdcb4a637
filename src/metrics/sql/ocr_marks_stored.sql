-- The OCR marks of the figures as the store keeps them: per figure whether it was read by OCR, on
-- which page and how sure the engine was (schema.sql).
CREATE OR REPLACE VIEW marked_facts AS SELECT * FROM raw.facts;
