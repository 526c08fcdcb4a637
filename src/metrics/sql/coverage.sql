-- Agencies x years of the filtered set: which reports exist, which are missing, which came late.
WITH sel AS (
    SELECT * FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
    WHERE coalesce(agency, '') <> ''
),
agencies AS (SELECT DISTINCT agency FROM sel),
span AS (SELECT min(year) AS first_year, max(year) AS last_year FROM sel),
years AS (SELECT unnest(range(first_year, last_year + 1)) AS year FROM span),
cells AS (
    SELECT a.agency, y.year,
        count(s.report_id) AS reports,
        min(s.report_id) AS report_id,
        -- The name the report prints: a renamed agency's earlier reports print its earlier names.
        min(s.printed_agency) AS printed_agency,
        min(s.published) AS published,
        legal_deadline(y.year) AS deadline,
        bool_or(s.late) AS late,
        min(s.file_path) AS file_path,
        min(s.parser_version) AS parser_version,
        min(s.flag_codes) AS flag_codes
    FROM agencies a
    CROSS JOIN years y
    LEFT JOIN sel s ON s.agency = a.agency AND s.year = y.year
    GROUP BY a.agency, y.year
)
SELECT agency, year, reports, report_id, printed_agency, published, deadline,
    CASE WHEN reports = 0 THEN 'missing'
         WHEN late THEN 'late'
         WHEN published IS NULL THEN 'undated'
         ELSE 'on_time' END AS state,
    CASE WHEN late THEN datediff('day', deadline, published) END AS days_late,
    count(*) FILTER (WHERE reports = 0) OVER (PARTITION BY agency) AS missing_years,
    file_path, parser_version, flag_codes
FROM cells
ORDER BY missing_years DESC, agency, year;
