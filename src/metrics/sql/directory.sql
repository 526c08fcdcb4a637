-- The agency directory as the dashboard shows and exports it: every agency name as printed, what was
-- read for it, and the values every page uses (views.sql builds agency_directory).
SELECT printed_agency, agency, region, level, agency_type, read_region, read_level, read_agency_type,
    first_year, last_year, reports, edited
FROM agency_directory
ORDER BY region, agency, first_year, printed_agency;
