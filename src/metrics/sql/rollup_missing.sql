-- Agencies of the roll-up's region with a report in some other year but none for this one. The
-- agencies with a report this year are set aside before any grouping: grouping every agency's years
-- (a whole country's million reports, for the whole database) was most of the time.
WITH region_reports AS (
    SELECT agency, region, level, agency_type, year
    FROM regional_reports($region, $levels, $agency_types)
    WHERE coalesce(agency, '') <> '' AND year IS NOT NULL
)
SELECT agency, any_value(region) AS region, any_value(level) AS level, any_value(agency_type) AS agency_type,
    list(DISTINCT year ORDER BY year) AS years_reported
FROM region_reports
ANTI JOIN (SELECT agency FROM region_reports WHERE year = $year) USING (agency)
GROUP BY agency
ORDER BY region, agency;
