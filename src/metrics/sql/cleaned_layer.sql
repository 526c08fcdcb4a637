-- The cleaned layer's tables (metrics.cleaned_layer): built where the report database is attached
-- as `raw`, after current_versions.sql, legal_deadline.sql, the directory's inputs (directory_tables.sql)
-- and one of report_totals_stored.sql / report_totals_pivoted.sql, and of their report_cells_* and
-- report_ocr_* counterparts; by the writer into the file's schema `cleaned`, or by a snapshot of a
-- database without it. The report tables are named raw.main.*: where the writer builds (USE
-- raw.cleaned), raw.<table> would name a table of the schema `cleaned`.

-- Every finding about a report: what ingest stored (identities, text against table, across years)
-- and the publication date checked against the report's year, which needs no ingest.
CREATE OR REPLACE TABLE findings AS
SELECT report_id, code, message, metric_id, requester_column, severity, scope
FROM raw.main.flags
UNION ALL
SELECT report_id,
    CASE WHEN year(published) = year THEN 'date:published_in_year' ELSE 'date:published_before_year' END,
    format('发布日期 {} 不在 {} 年度结束之后', strftime(published, '%Y-%m-%d'), year),
    NULL, NULL, 'warning', 'report'
FROM raw.main.reports
WHERE published IS NOT NULL AND year IS NOT NULL AND year(published) <= year;

-- The figures the findings are about, so that the Data quality page reads none of the millions of
-- facts of flagged reports: each finding's own cell (the figure it names, where it was read), and the
-- cells an identity finding quotes (identity_cells): the identity's cells in the finding's column,
-- or, for a check across the requester columns, the finding's row in every column.
CREATE OR REPLACE TABLE finding_facts AS
WITH wanted AS (  -- a NULL column: the cell in every requester column
    SELECT report_id, metric_id, coalesce(nullif(requester_column, ''), 'total') AS requester_column
    FROM findings
    WHERE metric_id IS NOT NULL
    UNION
    SELECT g.report_id, coalesce(c.metric_id, g.metric_id),
        CASE WHEN c.metric_id IS NOT NULL THEN coalesce(nullif(g.requester_column, ''), 'total') END
    FROM findings g
    JOIN identity_cells c ON c.code = g.code
)
SELECT f.report_id, f.metric_id, f.requester_column, f.value, f.evidence
FROM flagged_facts_source f
SEMI JOIN wanted w
    ON w.report_id = f.report_id AND w.metric_id = f.metric_id
   AND (w.requester_column IS NULL OR w.requester_column = f.requester_column);

-- The agency directory (机关名录): one row per agency name as printed, with where it sits and the
-- series it belongs to. A person's entry (directory_entries) overrides the gazetteer's path
-- (region_paths), which completes what the name gives; an empty field of an entry keeps the rest.
CREATE OR REPLACE TABLE agency_directory AS
WITH printed AS (
    SELECT agency,
        mode(region) AS region, mode(level) AS level, mode(agency_type) AS agency_type,
        min(year) AS first_year, max(year) AS last_year, count(*) AS reports
    FROM raw.main.reports
    WHERE coalesce(agency, '') <> ''
    GROUP BY agency
)
SELECT
    p.agency AS printed_agency,
    coalesce(nullif(e.series, ''), p.agency) AS agency,
    coalesce(nullif(e.region, ''), g.path, p.region, '') AS region,
    coalesce(nullif(e.level, ''), p.level, '') AS level,
    coalesce(nullif(e.agency_type, ''), p.agency_type, '') AS agency_type,
    -- What was read without a person's entry: an import stores only what differs from these.
    coalesce(g.path, p.region, '') AS read_region, coalesce(p.level, '') AS read_level,
    coalesce(p.agency_type, '') AS read_agency_type,
    p.first_year, p.last_year, p.reports,
    e.agency IS NOT NULL AS edited
FROM printed p
LEFT JOIN region_paths g ON g.region = p.region
LEFT JOIN directory_entries e ON e.agency = p.agency;

-- One row per stored report, every version: its metadata, provenance, publication deadline, the totals
-- the pages chart, and whether it is the current version of its agency and year. The agency, region,
-- level and kind are the directory's: a renamed bureau's reports carry its series' name, so every
-- page shows one agency over the years; printed_agency is the name the report prints.
CREATE OR REPLACE TABLE report_versions AS
WITH totals AS (
    SELECT * FROM report_totals_source
),
-- Two names of one series reporting the same year (a rename within the year): the series counts
-- one of them, by the same rule as versions of one report.
series_versions AS (
    SELECT v.report_id, v.versions, v.current_by,
        v.is_current AND row_number() OVER (
            PARTITION BY coalesce(d.agency, v.group_agency), v.group_year
            ORDER BY v.is_current DESC, r.published DESC NULLS LAST, r.ingested_at DESC, r.report_id DESC
        ) = 1 AS is_current
    FROM current_versions v
    JOIN raw.main.reports r USING (report_id)
    LEFT JOIN agency_directory d ON d.printed_agency = r.agency
),
report_flags AS (
    SELECT report_id,
        count(*) FILTER (WHERE severity = 'warning') AS warnings,
        string_agg(DISTINCT code, '; ' ORDER BY code) AS flag_codes
    FROM findings
    GROUP BY report_id
)
SELECT
    r.report_id,
    coalesce(d.agency, r.agency) AS agency,
    coalesce(d.region, r.region) AS region,
    coalesce(d.level, r.level) AS level,
    coalesce(d.agency_type, r.agency_type) AS agency_type,
    r.agency AS printed_agency,
    r.year, r.published, r.format, r.status,
    r.title, r.file_path, r.parser_version, r.ingested_at, o.ocr_pages,
    coalesce(g.warnings, 0) AS warnings,
    coalesce(g.flag_codes, '') AS flag_codes,
    legal_deadline(r.year) AS deadline,
    r.published > deadline AS late,
    t.* EXCLUDE (report_id),
    -- Rate parts: a rate counts a report only where its denominator is printed.
    CASE WHEN t.outcome_total IS NOT NULL
         THEN coalesce(t.outcome_granted, 0) + coalesce(t.outcome_partial, 0) END AS granted_or_partial,
    CASE WHEN t.outcome_total IS NOT NULL THEN coalesce(t.outcome_denied, 0) END AS refused,
    -- Case counts only where the report prints review or litigation at all.
    t.review_total IS NOT NULL OR t.litigation_total IS NOT NULL AS prints_cases,
    CASE WHEN prints_cases
         THEN coalesce(t.review_total, 0) + coalesce(t.litigation_total, 0) END AS cases_total,
    -- Corrections only where the report prints a corrected figure: a report without one (most before
    -- 2014) leaves the correction rate unknown, not zero.
    CASE WHEN t.review_corrected IS NOT NULL OR t.litigation_corrected IS NOT NULL
         THEN coalesce(t.review_corrected, 0) + coalesce(t.litigation_corrected, 0) END AS cases_corrected,
    CASE WHEN prints_cases
         THEN coalesce(t.review_total, 0) - coalesce(t.review_pending, 0)
              + coalesce(t.litigation_total, 0) - coalesce(t.litigation_pending, 0) END AS cases_closed,
    CASE WHEN t.review_total IS NOT NULL
         THEN t.review_total - coalesce(t.review_pending, 0) END AS review_closed,
    CASE WHEN t.litigation_total IS NOT NULL
         THEN t.litigation_total - coalesce(t.litigation_pending, 0) END AS litigation_closed,
    -- The denominators of the correction rates: closed cases of the reports that print corrections.
    CASE WHEN cases_corrected IS NOT NULL THEN cases_closed END AS correction_base,
    CASE WHEN t.review_corrected IS NOT NULL THEN review_closed END AS review_correction_base,
    CASE WHEN t.litigation_corrected IS NOT NULL THEN litigation_closed END AS litigation_correction_base,
    v.versions, v.is_current, v.current_by,
    -- The cells the Requests page charts by year (report_cells.sql), one struct so that its names
    -- (outcome_granted again) stay apart from the totals above.
    c AS cells
FROM raw.main.reports r
JOIN series_versions v USING (report_id)
JOIN report_ocr o USING (report_id)
LEFT JOIN agency_directory d ON d.printed_agency = r.agency
LEFT JOIN totals t USING (report_id)
LEFT JOIN report_cells_source c USING (report_id)
LEFT JOIN report_flags g USING (report_id);

-- The values each sidebar filter offers (filter_options.sql): everything the current reports hold,
-- whatever else is selected, kept here because at a whole country's scale finding them took a fifth
-- of a second on every page. A region is offered with the places above it, which hold it (青岚省 for
-- 青岚省云川市): a region name is a run of administrative units, each ending in one of 省, 自治州, 市,
-- 区, 县, 盟 or 旗 (州 alone is no end: 广州市 is one unit), and every leading run of them is a place.
CREATE OR REPLACE TABLE filter_values AS
WITH current_reports AS (
    SELECT year, region, level, agency_type, agency, format FROM report_versions WHERE is_current
),
regions AS (SELECT DISTINCT region FROM current_reports WHERE coalesce(region, '') <> ''),
units AS (SELECT regexp_extract_all(region, '.+?(?:省|自治州|市|区|县|盟|旗)') AS parts FROM regions)
SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value FROM current_reports WHERE year IS NOT NULL
UNION SELECT 'region', region FROM regions
UNION SELECT 'region', unnest(list_transform(range(1, len(parts) + 1), lambda i: array_to_string(parts[1:i], '')))
      FROM units
UNION SELECT 'level', level FROM current_reports WHERE coalesce(level, '') <> ''
UNION SELECT 'agency_type', agency_type FROM current_reports WHERE coalesce(agency_type, '') <> ''
UNION SELECT 'agency', agency FROM current_reports WHERE coalesce(agency, '') <> ''
UNION SELECT 'format', format FROM current_reports;
