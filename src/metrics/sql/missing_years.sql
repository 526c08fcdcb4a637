-- Agencies of the filtered set with years without a report: gaps inside the agency's own span
-- (a report that should exist) and years of the selected range outside it (maybe not collected).
WITH sel AS (
    SELECT agency, year
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
    WHERE coalesce(agency, '') <> ''
),
-- A year once per agency: report_figures holds one report per agency and year (current_versions.sql).
per_agency AS (
    SELECT agency, list(year) AS years_present, min(year) AS first_year, max(year) AS last_year
    FROM sel
    GROUP BY agency
),
bounds AS (SELECT min(year) AS first_year, max(year) AS last_year FROM sel),
listed AS (
    SELECT a.agency, a.first_year, a.last_year, len(a.years_present) AS years_present,
        list_filter(range(a.first_year, a.last_year + 1),
                    lambda y: NOT list_contains(a.years_present, y)) AS gaps,
        list_filter(range(b.first_year, b.last_year + 1),
                    lambda y: y < a.first_year OR y > a.last_year) AS outside_span
    FROM per_agency a
    CROSS JOIN bounds b
)
SELECT * FROM listed
WHERE len(gaps) > 0 OR len(outside_span) > 0
ORDER BY len(gaps) DESC, len(outside_span) DESC, agency;
