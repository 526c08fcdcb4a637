-- Every current report with an agency and a year, with its text, as the copied-text comparison reads
-- them a chunk at a time (metrics.similarity). In no order, the texts streamed from their table and
-- the few columns of the current reports looked up beside them: an order, or the texts on the
-- lookup's side, would make the database hold every text at once.
SELECT r.report_id, f.agency, f.region, f.year, r.body_text
FROM raw.reports r
JOIN (
    SELECT report_id, agency, region, year
    FROM report_figures
    WHERE coalesce(agency, '') <> '' AND year IS NOT NULL
) f USING (report_id);
