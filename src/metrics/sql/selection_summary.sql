-- Counts over the whole filtered set.
SELECT
    count(*) AS reports,
    count(DISTINCT agency) AS agencies,
    count(DISTINCT year) AS years,
    count(*) FILTER (WHERE published IS NOT NULL) AS dated_reports,
    count(*) FILTER (WHERE late) AS late_reports,
    count(*) FILTER (WHERE warnings > 0) AS flagged_reports
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats);
