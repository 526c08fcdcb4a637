-- Raw layer: what ingest writes. Views the pages read are built on these in views.sql.
CREATE TABLE IF NOT EXISTS reports (
    report_id      VARCHAR PRIMARY KEY,   -- first 16 hex digits of the content's SHA-256
    file_path      VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    title          VARCHAR,
    agency         VARCHAR,
    region         VARCHAR,
    level          VARCHAR,               -- province | city | county | township | department of ...
    agency_type    VARCHAR,               -- 人民政府, 公安局, ... read from the agency name
    year           INTEGER,
    published      DATE,
    format         VARCHAR NOT NULL,      -- std2021 | std2019 | legacy_table | legacy_prose | unknown
    status         VARCHAR NOT NULL,      -- ok | partial
    parser_version VARCHAR NOT NULL,
    ingested_at    TIMESTAMP NOT NULL,
    encoding       VARCHAR,
    -- The original text, shown escaped in the report detail. Compressed with zstd: DuckDB leaves long,
    -- distinct strings uncompressed, and a report's text is most of its row (2,066 real texts: 9.8 MB
    -- of blocks uncompressed, 1.3 MB with zstd).
    body_text      VARCHAR USING COMPRESSION zstd,
    ocr_pages      INTEGER                -- pages (and pictures) read by OCR; NULL: stored before this was kept
);

CREATE TABLE IF NOT EXISTS facts (
    report_id        VARCHAR NOT NULL,
    metric_id        VARCHAR NOT NULL,
    requester_column VARCHAR NOT NULL,    -- total, or a section 三 requester column
    value DOUBLE,              -- NULL: the report marks the cell not applicable
    evidence         VARCHAR,
    approximate      BOOLEAN NOT NULL DEFAULT FALSE,
    derived          BOOLEAN NOT NULL DEFAULT FALSE,
    note             VARCHAR,
    ocr              BOOLEAN,             -- read by OCR from a scanned page or a picture; NULL: not known
    ocr_page         INTEGER,             -- the OCR'd page (or picture) it lies on, where its evidence places it
    ocr_confidence   DOUBLE               -- the engine's least confidence (0..1) in the page's texts printing it
);

-- The figures the pages chart, one row per report that has 总计-column facts (report_totals.sql says
-- how they are read from the facts). A summary kept in step with the facts in the same transaction
-- (write_batch.sql), so the dashboard's snapshot reads a row per report instead of pivoting them all.
CREATE TABLE IF NOT EXISTS report_totals (
    report_id VARCHAR NOT NULL,
    proactive_items DOUBLE,
    requests_new DOUBLE,
    requests_carried_over DOUBLE,
    requests_carried_forward DOUBLE,
    outcome_granted DOUBLE,
    outcome_partial DOUBLE,
    outcome_denied DOUBLE,
    outcome_unable DOUBLE,
    outcome_not_processed DOUBLE,
    outcome_other DOUBLE,
    outcome_total DOUBLE,
    review_upheld DOUBLE,
    review_corrected DOUBLE,
    review_other DOUBLE,
    review_pending DOUBLE,
    review_total DOUBLE,
    litigation_total DOUBLE,
    litigation_upheld DOUBLE,
    litigation_corrected DOUBLE,
    litigation_other DOUBLE,
    litigation_pending DOUBLE
);

-- flagged_facts: the facts of every report that has a flag, shaped like facts, so the Data quality
-- page reads the figures its findings are about without scanning every fact. Kept in step with the
-- facts and flags: written with every batch (write_batch.sql), synced after the checks across years
-- (flagged_facts_sync.sql), created and filled from the facts once (flagged_facts_backfill.sql).

CREATE TABLE IF NOT EXISTS flags (
    report_id        VARCHAR NOT NULL,
    code             VARCHAR NOT NULL,    -- identity code (see metrics.templates.identities) or finding
    message          VARCHAR NOT NULL,
    metric_id        VARCHAR,
    requester_column VARCHAR,
    severity         VARCHAR NOT NULL,    -- warning | info
    scope            VARCHAR NOT NULL     -- report: found in the report; across_years: against other years
);

CREATE TABLE IF NOT EXISTS ingest_log (
    file_path      VARCHAR PRIMARY KEY,   -- the latest attempt for each file
    content_hash   VARCHAR,
    status         VARCHAR NOT NULL,      -- ok | partial | failed | duplicate | unsupported
    reason         VARCHAR NOT NULL,
    report_id      VARCHAR,
    format         VARCHAR,
    parser_version VARCHAR NOT NULL,
    attempted_at   TIMESTAMP NOT NULL
);

-- Which version counts for an agency and year, when a person chose it on the Data quality page; it
-- overrides the rule in views.sql until chosen again.
CREATE TABLE IF NOT EXISTS current_choices (
    agency         VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    report_id VARCHAR NOT NULL,
    chosen_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (agency, year)
);

-- Where the follow-up of a finding stands (待核实 open / 已联系 contacted / 已更正 corrected /
-- 确认无误 confirmed), set on the Data quality page. Keyed by report and check code: an unchanged
-- file re-ingested keeps its report id, so its statuses stay; a changed file is a new report.
CREATE TABLE IF NOT EXISTS flag_reviews (
    report_id VARCHAR NOT NULL,
    code           VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,      -- open | contacted | corrected | confirmed
    note           VARCHAR NOT NULL DEFAULT '',
    reviewed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (report_id, code)
);

-- A person's entries in the agency directory (机关名录), keyed by the agency name as printed: its
-- region path, level and kind where the name reads wrong or short, and the name of the continuous
-- series it belongs to (a renamed bureau's newest name). An empty field keeps what the name gives.
-- Set by importing the directory's CSV or confirming a suggested successor; kept across re-ingest
-- (reports are not touched) and carried into a rebuild (carry_directory.sql).
CREATE TABLE IF NOT EXISTS agency_directory (
    agency         VARCHAR PRIMARY KEY,
    region         VARCHAR NOT NULL DEFAULT '',
    level          VARCHAR NOT NULL DEFAULT '',
    agency_type    VARCHAR NOT NULL DEFAULT '',
    series         VARCHAR NOT NULL DEFAULT '',
    updated_at     TIMESTAMP NOT NULL
);

-- Columns added since the first release: a database written before them gains them (NULL, not known)
-- when a writer first opens it, in the place CREATE TABLE gives them above.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS ocr_pages INTEGER;
ALTER TABLE facts ADD COLUMN IF NOT EXISTS ocr BOOLEAN;
ALTER TABLE facts ADD COLUMN IF NOT EXISTS ocr_page INTEGER;
ALTER TABLE facts ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
