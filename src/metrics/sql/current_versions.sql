-- Which stored report counts for its agency and year. Reports of one agency and year are versions
-- of one report (a revision, or the same report saved from two sites); a report without agency or
-- year is a group of its own. Read on any connection where the report database is attached as `raw`:
-- the dashboard's snapshot, `ogi status` and `ogi check`, and the writer's cross-year checks and
-- cleaned layer (raw.main.*: see cleaned_layer.sql).
CREATE OR REPLACE TEMP VIEW current_versions AS
WITH grouped AS (
    SELECT r.report_id, r.published, r.ingested_at,
        CASE WHEN coalesce(r.agency, '') = '' OR r.year IS NULL THEN r.report_id ELSE r.agency END AS group_agency,
        CASE WHEN coalesce(r.agency, '') = '' OR r.year IS NULL THEN NULL ELSE r.year END AS group_year,
        c.report_id IS NOT NULL AS chosen
    FROM raw.main.reports r
    LEFT JOIN raw.main.current_choices c ON c.report_id = r.report_id AND c.agency = r.agency AND c.year = r.year
),
versions AS (
    SELECT report_id, group_agency, group_year,
        count(*) OVER same_report AS versions,
        bool_or(chosen) OVER same_report AS choice_stored,
        chosen,
        -- The rule: the latest publication date, then the latest ingested.
        row_number() OVER (same_report ORDER BY published DESC NULLS LAST, ingested_at DESC, report_id DESC) = 1
            AS current_by_rule
    FROM grouped
    WINDOW same_report AS (PARTITION BY group_agency, group_year)
)
SELECT report_id, group_agency, group_year, versions,
    -- A person's stored choice overrides the rule.
    CASE WHEN choice_stored THEN chosen ELSE current_by_rule END AS is_current,
    CASE WHEN choice_stored THEN 'choice' ELSE 'rule' END AS current_by
FROM versions;
