-- Each chosen agency against the median agency of its peer group (same agency type or level) over
-- the same years. Agencies whose denominator is below $min_base do not count towards a median.
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
medians AS (
    SELECT peer_group,
        count(*) AS peers,
        median(grant_rate) FILTER (WHERE requests_base >= $min_base) AS median_grant_rate,
        median(refusal_rate) FILTER (WHERE requests_base >= $min_base) AS median_refusal_rate,
        median(correction_rate) FILTER (WHERE cases_base >= $min_base) AS median_correction_rate
    FROM keyed
    GROUP BY peer_group
)
SELECT k.agency, k.peer_group, m.peers,
    k.requests_base, k.grant_rate, m.median_grant_rate, k.refusal_rate, m.median_refusal_rate,
    k.cases_base, k.correction_rate, m.median_correction_rate
FROM keyed k
JOIN medians m USING (peer_group)
WHERE list_contains($agencies, k.agency)
ORDER BY k.agency;
