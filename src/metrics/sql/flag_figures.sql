-- The figures the identity findings of the filtered reports quote (metrics.dashboard.findings): the
-- identity's cells in the finding's column, or, for a check across the requester columns, the
-- finding's row in every column (identity_cells). Other findings are said by their stored message,
-- so no figure is fetched for them, nor any other figure of a flagged report: a million reports have
-- thousands of those. The figures come from those the cleaned layer keeps for findings (finding_facts).
-- Ordered so that the same store gives the same rows in the same order (DISTINCT alone does not).
SELECT DISTINCT f.report_id, f.metric_id, f.requester_column, f.value
FROM findings g
JOIN identity_cells c ON c.code = g.code
JOIN finding_facts f
    ON f.report_id = g.report_id
   AND f.metric_id = coalesce(c.metric_id, g.metric_id)
   AND (c.metric_id IS NULL OR f.requester_column = coalesce(nullif(g.requester_column, ''), 'total'))
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) r
    ON r.report_id = g.report_id
WHERE f.value IS NOT NULL
ORDER BY f.report_id, f.metric_id, f.requester_column;
