-- Agencies of the roll-up's region with a report in some other year but none for this one.
SELECT agency, any_value(region) AS region, any_value(level) AS level, any_value(agency_type) AS agency_type,
    list(DISTINCT year ORDER BY year) AS years_reported
FROM regional_reports($region, $levels, $agency_types)
WHERE coalesce(agency, '') <> '' AND year IS NOT NULL
GROUP BY agency
HAVING NOT list_contains(list(year), $year)
ORDER BY region, agency;
