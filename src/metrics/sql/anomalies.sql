-- Every anomaly of the database (metrics.anomalies says what each check means and holds its limits,
-- bound here as parameters), judged over every current report with an agency and a year whatever the
-- filters, since a report is judged against its own other years and its peers. Built once per
-- write with the cleaned layer (metrics.cleaned_layer; or per snapshot of a database without it) from
-- report_figures, so a page only keeps the rows of its selection (anomalies_selected.sql)
-- instead of pulling a row per report into pandas. `ordinal` is the order of the list: kind, then the
-- largest factor first, then the check's figure, agency and year.
CREATE OR REPLACE TABLE anomalies AS
WITH figures AS MATERIALIZED (
    SELECT report_id, agency, region, level, agency_type, year, format,
        requests_new, requests_carried_over, requests_carried_forward, outcome_total,
        granted_or_partial, refused, review_total, litigation_total,
        -- Numbers for the report and its agency: the year-on-year joins below hold millions of rows,
        -- which at a whole country's scale would otherwise carry two strings each (materialised, so a
        -- report keeps its number in every join).
        row_number() OVER () AS row_key,
        dense_rank() OVER (ORDER BY agency) AS agency_key
    FROM report_figures
    WHERE coalesce(agency, '') <> '' AND year IS NOT NULL
),
-- Year on year: each printed figure with the same agency's figure of the year before.
jump_values AS (
    UNPIVOT (SELECT agency_key, year, row_key, requests_new, outcome_total, review_total, litigation_total FROM figures)
    ON requests_new, outcome_total, review_total, litigation_total INTO NAME metric_id VALUE figure
),
pairs AS MATERIALIZED (
    SELECT c.row_key, c.metric_id, p.figure AS before, c.figure AS after,
        log10((c.figure + 1) / (p.figure + 1)) AS change,
        -- Size bands by the smaller year (a jump must not move itself into a band of its own).
        floor(log10(least(p.figure, c.figure) + 1)) AS band
    FROM jump_values c
    JOIN jump_values p ON p.agency_key = c.agency_key AND p.year + 1 = c.year AND p.metric_id = c.metric_id
),
-- The robust limit of every pair of a figure (pooled) and of each size band: the median change plus
-- $robust_k median absolute deviations, never under the log of $min_jump_factor; too few pairs set none.
centres AS (
    SELECT metric_id, band, grouping(band) = 1 AS pooled, count(*) AS n,
        median(change) AS centre
    FROM pairs
    GROUP BY GROUPING SETS ((metric_id), (metric_id, band))
),
deviations AS (
    SELECT c.metric_id, c.band, c.pooled, abs(p.change - c.centre) AS deviation
    FROM centres c
    JOIN pairs p ON p.metric_id = c.metric_id AND p.band = c.band
    WHERE NOT c.pooled
    UNION ALL
    SELECT c.metric_id, c.band, c.pooled, abs(p.change - c.centre)
    FROM centres c
    JOIN pairs p ON p.metric_id = c.metric_id
    WHERE c.pooled
),
limits AS (
    SELECT c.metric_id, c.band, c.pooled, c.n,
        CASE WHEN c.n < $min_band_pairs THEN log10($min_jump_factor)
            ELSE greatest(
                log10($min_jump_factor),
                abs(c.centre) + $robust_k * $mad_to_sd * median(d.deviation)
            ) END AS log_limit
    FROM centres c
    JOIN deviations d ON d.metric_id = c.metric_id AND d.pooled = c.pooled AND d.band IS NOT DISTINCT FROM c.band
    GROUP BY c.metric_id, c.band, c.pooled, c.n, c.centre
),
judged_pairs AS (
    SELECT p.*, CASE WHEN b.n >= $min_band_pairs THEN b.log_limit ELSE a.log_limit END AS log_limit
    FROM pairs p
    JOIN limits a ON a.metric_id = p.metric_id AND a.pooled
    JOIN limits b ON b.metric_id = p.metric_id AND NOT b.pooled AND b.band = p.band
),
jumps AS (
    SELECT row_key,
        CASE WHEN change > 0 THEN 'jump_up' ELSE 'jump_down' END AS kind,
        'anomaly:jump:' || metric_id AS code, metric_id, after AS value, before AS reference,
        greatest(after, before) / greatest(least(after, before), 1) AS factor,
        pow(10, log_limit) AS "limit", NULL::DOUBLE AS peers
    FROM judged_pairs
    WHERE abs(change) > log_limit AND greatest(before, after) >= $min_jump_base
),
-- Rates of 0 % or 100 % over at least $rate_base handled requests.
rates AS (
    SELECT row_key, kind, 'anomaly:rate:' || kind AS code, 'outcome_total' AS metric_id,
        outcome_total AS value, outcome_total AS reference,
        NULL::DOUBLE AS factor, NULL::DOUBLE AS "limit", NULL::DOUBLE AS peers
    FROM figures,
        (VALUES ('refusal_all'), ('grant_none'), ('grant_all')) AS rules(kind)
    WHERE outcome_total >= $rate_base
        AND CASE kind
            WHEN 'refusal_all' THEN refused = outcome_total
            WHEN 'grant_none' THEN granted_or_partial = 0
            ELSE granted_or_partial = outcome_total
        END
),
-- This year's 上年结转 against last year's 结转下年度继续办理 (the check ingest stores, and its code).
carried AS (
    SELECT c.row_key, 'carried' AS kind, 'across_years:carried_over' AS code,
        'requests_carried_over' AS metric_id,
        c.requests_carried_over AS value, p.requests_carried_forward AS reference,
        NULL::DOUBLE AS factor, NULL::DOUBLE AS "limit", NULL::DOUBLE AS peers
    FROM figures c
    JOIN figures p ON p.agency_key = c.agency_key AND p.year + 1 = c.year
    WHERE c.requests_carried_over <> p.requests_carried_forward
),
-- Peers: the same figure of the agencies of the same kind and level that year; each agency is judged
-- against the median of the others, read from the group's sorted figures around its own rank (one
-- sort per group, not one median per agency).
known AS (
    SELECT row_key, year, agency_type, level, requests_new AS figure,
        row_number() OVER (PARTITION BY year, agency_type, level ORDER BY requests_new) - 1 AS rank
    FROM figures
    WHERE requests_new IS NOT NULL AND coalesce(agency_type, '') <> '' AND level IS NOT NULL
),
-- Of each group's sorted figures (from 0), the three around the middle of the others: o1 at (n - 1) // 2 - 1,
-- o2 one up, o3 one further up but not past the last. Without the figure at `rank`, the k-th of the
-- others is the k-th of the group below it and the (k + 1)-th from it.
peer_groups AS (
    SELECT year, agency_type, level, n, ordered[(n - 1) // 2] AS o1, ordered[(n - 1) // 2 + 1] AS o2,
        ordered[least((n - 1) // 2 + 1, n - 1) + 1] AS o3
    FROM (
        SELECT year, agency_type, level, count(*) AS n, list(figure ORDER BY figure) AS ordered
        FROM known
        GROUP BY ALL
    )
    WHERE n >= 2
),
others AS (
    SELECT k.row_key, k.figure, g.n - 1 AS peers,
        CASE WHEN (g.n - 1) % 2 = 1
            THEN CASE WHEN (g.n - 1) // 2 < k.rank THEN g.o2 ELSE g.o3 END
            ELSE (
                CASE WHEN (g.n - 1) // 2 - 1 < k.rank THEN g.o1 ELSE g.o2 END
                + CASE WHEN (g.n - 1) // 2 < k.rank THEN g.o2 ELSE g.o3 END
            ) / 2
        END AS median
    FROM known k
    JOIN peer_groups g USING (year, agency_type, level)
),
peer_outliers AS (
    SELECT row_key,
        CASE WHEN figure > median THEN 'peers_high' ELSE 'peers_low' END AS kind,
        'anomaly:peers:requests_new' AS code, 'requests_new' AS metric_id, figure AS value, median AS reference,
        greatest(figure, median) / greatest(least(figure, median), 1) AS factor,
        $peer_factor::DOUBLE AS "limit", peers::DOUBLE AS peers
    FROM others
    WHERE peers >= $min_peers
        AND greatest(figure, median) / greatest(least(figure, median), 1) >= $peer_factor
        AND greatest(figure, median) >= $min_peer_value
),
found AS (
    SELECT * FROM jumps
    UNION ALL SELECT * FROM rates
    UNION ALL SELECT * FROM carried
    UNION ALL SELECT * FROM peer_outliers
)
SELECT r.report_id, r.agency, r.region, r.level, r.agency_type, r.year, r.format,
    f.kind, f.code, f.metric_id, f.value, f.reference, f.factor, f."limit", f.peers,
    row_number() OVER (
        ORDER BY f.kind, f.factor DESC NULLS LAST, list_position($jump_metrics, f.metric_id) NULLS LAST,
            r.agency, r.year
    ) AS ordinal
FROM found f
JOIN figures r USING (row_key)
ORDER BY ordinal;
