-- The reports of report_prose.sql without their text: who and when, for the copied-text comparison
-- (report_texts.sql gives their texts a chunk at a time).
SELECT f.report_id, f.agency, f.region, f.year
FROM report_figures f
WHERE coalesce(f.agency, '') <> '' AND f.year IS NOT NULL
ORDER BY f.agency, f.year;
