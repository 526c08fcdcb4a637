-- What the dashboard's pages read beside the cleaned layer (report_versions and the rest, see
-- cleaned_layer.sql and cleaned_layer_stored.sql), on a snapshot's in-memory database with the report
-- database attached read-only as `raw`, after report_figures.sql: the filters, the charts' small
-- tables and the macros of the coverage pages, so pages query small prepared tables instead of
-- pivoting the facts table on every filter change.

-- Every fact with its report's filter columns, for the queries that chart single metrics.
CREATE OR REPLACE VIEW filterable_facts AS
SELECT f.*, r.agency, r.region, r.level, r.agency_type, r.year, r.format,
       r.file_path, r.parser_version, r.flag_codes
FROM marked_facts f
JOIN report_figures r USING (report_id);

-- The reports a sidebar filter selects. An empty list means "no restriction" for that filter.
CREATE OR REPLACE MACRO selected_reports(year_from, year_to, regions, levels, agency_types, agencies, formats) AS TABLE
SELECT *
FROM report_figures
WHERE year BETWEEN year_from AND year_to
  -- A region holds the places under it (青岚省 holds 青岚省云川市).
  AND (len(regions) = 0 OR list_bool_or(list_transform(regions, lambda x: starts_with(coalesce(region, ''), x))))
  AND (len(levels) = 0 OR list_contains(levels, level))
  AND (len(agency_types) = 0 OR list_contains(agency_types, agency_type))
  AND (len(agencies) = 0 OR list_contains(agencies, agency))
  AND (len(formats) = 0 OR list_contains(formats, format));

-- The top-level answer categories of each layout: the parts of 总计 / 申请答复数 that a stacked
-- chart may add without counting a sub-row twice (申请信息不存在 is top-level only in legacy tables).
CREATE OR REPLACE TABLE outcome_parts AS
SELECT * FROM (VALUES
    ('std2019', 'outcome_granted', 1), ('std2019', 'outcome_partial', 3), ('std2019', 'outcome_denied', 4),
    ('std2019', 'outcome_unable', 5), ('std2019', 'outcome_not_processed', 8), ('std2019', 'outcome_other', 11),
    ('std2021', 'outcome_granted', 1), ('std2021', 'outcome_partial', 3), ('std2021', 'outcome_denied', 4),
    ('std2021', 'outcome_unable', 5), ('std2021', 'outcome_not_processed', 8), ('std2021', 'outcome_other', 11),
    ('legacy_table', 'outcome_granted', 1), ('legacy_table', 'outcome_already_public', 2),
    ('legacy_table', 'outcome_partial', 3), ('legacy_table', 'outcome_denied', 4),
    ('legacy_table', 'unable_not_held', 6), ('legacy_table', 'outcome_not_this_agency', 7),
    ('legacy_table', 'outcome_told_to_amend', 9), ('legacy_table', 'outcome_other_channel', 10),
    ('legacy_prose', 'outcome_granted', 1), ('legacy_prose', 'outcome_partial', 3),
    ('legacy_prose', 'outcome_denied', 4)
) AS t(format, metric_id, position);

-- Which figure of which layout feeds which trend series (metrics.eras decides); queries.open_snapshot
-- fills it from Python with series_map_fill.sql, since the decision is data there, not SQL.
CREATE OR REPLACE TABLE series_map (metric_id VARCHAR, format VARCHAR, series_id VARCHAR);

-- Where the follow-up of each finding stands (raw.flag_reviews); queries.open_snapshot copies it in
-- when the database has one (a database written before statuses existed has none).
CREATE OR REPLACE TABLE flag_statuses (report_id VARCHAR, code VARCHAR, status VARCHAR, note VARCHAR, reviewed_at TIMESTAMP);

-- The current reports of a region and of every place under it (a region's name starts the names of
-- the places under it: 广东省 holds 广东省广州市), optionally of some levels and agency kinds only.
-- An empty region means the whole database; an empty list means "no restriction".
CREATE OR REPLACE MACRO regional_reports(region_prefix, levels, agency_types) AS TABLE
SELECT *
FROM report_figures
WHERE (region_prefix = '' OR starts_with(coalesce(region, ''), region_prefix))
  AND (len(levels) = 0 OR list_contains(levels, level))
  AND (len(agency_types) = 0 OR list_contains(agency_types, agency_type));

-- Agencies x years of the filtered set: which reports exist, which are missing, which came late
-- (coverage.sql; the Overview page reads its parts: coverage_counts, coverage_map, late_missing).
-- The span of years is the whole selection's; `only_agencies` keeps the cells of some agencies (an
-- empty list: every agency), which changes no cell, since a cell depends on its own agency's reports
-- alone; `late_or_missing` keeps the cells in those states only. report_figures holds one report per
-- agency and year (the current one: current_versions.sql), so a report is a cell, and nothing is
-- grouped by agency and year: at a whole country's scale that grouping was most of the time. The
-- cells with reports read their text columns only for the reports kept; the missing ones are the
-- years of the span each agency lacks.
CREATE OR REPLACE MACRO coverage_cells(year_from, year_to, regions, levels, agency_types, agencies, formats,
                                       only_agencies, late_or_missing) AS TABLE
WITH chosen AS (
    SELECT agency, year
    FROM selected_reports(year_from, year_to, regions, levels, agency_types, agencies, formats)
    WHERE coalesce(agency, '') <> ''
),
span AS (SELECT min(year) AS first_year, max(year) AS last_year FROM chosen),
gaps AS (
    SELECT agency, any_value(s.last_year - s.first_year + 1) - count(*) AS missing_years, list(year) AS years
    FROM chosen, span s
    WHERE len(only_agencies) = 0 OR list_contains(only_agencies, agency)
    GROUP BY agency
),
reported AS (
    SELECT agency, year, 1 AS reports, report_id, printed_agency, published, legal_deadline(year) AS deadline,
        late, file_path, parser_version, flag_codes
    FROM selected_reports(year_from, year_to, regions, levels, agency_types, agencies, formats)
    WHERE coalesce(agency, '') <> ''
      AND (len(only_agencies) = 0 OR list_contains(only_agencies, agency))
      AND (late OR NOT late_or_missing)
),
missing AS (
    SELECT agency, year, 0 AS reports, legal_deadline(year) AS deadline
    FROM (
        SELECT g.agency,
            unnest(list_filter(range(s.first_year, s.last_year + 1), lambda y: NOT list_contains(g.years, y)))::INTEGER
                AS year
        FROM gaps g, span s
        WHERE g.missing_years > 0
    )
),
cells AS (
    SELECT * FROM reported
    UNION ALL BY NAME
    SELECT * FROM missing
)
SELECT c.agency, c.year, c.reports, c.report_id, c.printed_agency, c.published, c.deadline,
    CASE WHEN c.reports = 0 THEN 'missing'
         WHEN c.late THEN 'late'
         WHEN c.published IS NULL THEN 'undated'
         ELSE 'on_time' END AS state,
    CASE WHEN c.late THEN datediff('day', c.deadline, c.published) END AS days_late,
    g.missing_years,
    c.file_path, c.parser_version, c.flag_codes
FROM cells c
JOIN gaps g USING (agency);

-- Each agency of the filtered set with the years it misses in the selection's span, as coverage_cells
-- counts them, without making its cells: a year is missing where the agency has no report (one
-- report per agency and year, as there).
CREATE OR REPLACE MACRO coverage_agencies(year_from, year_to, regions, levels, agency_types, agencies, formats) AS TABLE
WITH sel AS (
    SELECT agency, year
    FROM selected_reports(year_from, year_to, regions, levels, agency_types, agencies, formats)
    WHERE coalesce(agency, '') <> ''
),
span AS (SELECT max(year) - min(year) + 1 AS years FROM sel)
SELECT agency, any_value(span.years) - count(*) AS missing_years
FROM sel, span
GROUP BY agency;
