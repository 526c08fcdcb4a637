-- Which of the given reports ($report_ids) the filtered set holds: the pages that judge every report
-- whatever the filters (Anomalies, Similar reports) keep what they found of the selection, without
-- asking for the ids of every selected report (a million at a whole country's scale).
SELECT report_id
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
SEMI JOIN (SELECT unnest($report_ids) AS report_id) AS given USING (report_id)
ORDER BY report_id;
