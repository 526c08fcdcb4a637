-- Each chosen agency against the median of its peers (the other agencies of the same agency type or
-- level) over the same years. The agency itself is never one of its peers; peers whose denominator is
-- below $min_base do not count, and a median of fewer than $min_peers peers is not given.
WITH per_agency AS (
    SELECT agency,
        any_value(agency_type) AS agency_type,
        any_value(level) AS level,
        sum(outcome_total) AS requests_base,
        sum(granted_or_partial) / nullif(sum(outcome_total), 0) AS grant_rate,
        sum(refused) / nullif(sum(outcome_total), 0) AS refusal_rate,
        sum(correction_base) AS cases_base,
        sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate
    FROM report_figures
    WHERE year BETWEEN $year_from AND $year_to AND coalesce(agency, '') <> ''
    GROUP BY agency
),
keyed AS (
    SELECT *, CASE $peer_by WHEN 'level' THEN level ELSE agency_type END AS peer_group FROM per_agency
),
peers AS (
    SELECT k.agency,
        count(p.agency) FILTER (WHERE p.requests_base >= $min_base) AS request_peers,
        median(p.grant_rate) FILTER (WHERE p.requests_base >= $min_base) AS grant_median,
        median(p.refusal_rate) FILTER (WHERE p.requests_base >= $min_base) AS refusal_median,
        count(p.agency) FILTER (WHERE p.cases_base >= $min_base) AS case_peers,
        median(p.correction_rate) FILTER (WHERE p.cases_base >= $min_base) AS correction_median
    FROM keyed k
    LEFT JOIN keyed p ON p.peer_group = k.peer_group AND p.agency <> k.agency
    WHERE list_contains($agencies, k.agency)
    GROUP BY k.agency
)
SELECT k.agency, k.peer_group, p.request_peers, p.case_peers,
    k.requests_base, k.grant_rate,
    CASE WHEN p.request_peers >= $min_peers THEN p.grant_median END AS median_grant_rate,
    k.refusal_rate,
    CASE WHEN p.request_peers >= $min_peers THEN p.refusal_median END AS median_refusal_rate,
    k.cases_base, k.correction_rate,
    CASE WHEN p.case_peers >= $min_peers THEN p.correction_median END AS median_correction_rate
FROM keyed k
JOIN peers p USING (agency)
ORDER BY k.agency;
