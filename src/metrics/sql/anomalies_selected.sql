-- The anomalies (anomalies.sql, judged over every report once per snapshot) of the reports the
-- filters select, in the list's order.
SELECT a.* EXCLUDE (ordinal)
FROM anomalies a
SEMI JOIN selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats) s
    USING (report_id)
ORDER BY a.ordinal;
