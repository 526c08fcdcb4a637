-- The text of every current report with an agency and a year, for the copied-text comparison
-- (metrics.similarity): an earlier year of the same agency, or another agency of the same year.
SELECT f.report_id, f.agency, f.region, f.year, r.body_text
FROM report_figures f
JOIN raw.reports r USING (report_id)
WHERE coalesce(f.agency, '') <> '' AND f.year IS NOT NULL
ORDER BY f.agency, f.year;
