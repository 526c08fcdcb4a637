-- Per agency over the filtered set: volumes, outcome composition and rates with their denominators.
SELECT
    agency,
    any_value(region) AS region,
    any_value(level) AS level,
    any_value(agency_type) AS agency_type,
    count(*) AS reports,
    min(year) AS first_year,
    max(year) AS last_year,
    sum(requests_new) AS requests_new,
    sum(outcome_granted) AS outcome_granted,
    sum(outcome_partial) AS outcome_partial,
    sum(outcome_denied) AS outcome_denied,
    sum(outcome_unable) AS outcome_unable,
    sum(outcome_not_processed) AS outcome_not_processed,
    sum(outcome_other) AS outcome_other,
    sum(outcome_total) AS outcome_total,
    sum(granted_or_partial) / nullif(sum(outcome_total), 0) AS grant_rate,
    sum(refused) / nullif(sum(outcome_total), 0) AS refusal_rate,
    sum(review_total) AS review_total,
    sum(litigation_total) AS litigation_total,
    sum(cases_total) AS cases_total,
    sum(cases_closed) AS cases_closed,
    sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate,
    sum(warnings) AS warnings
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
WHERE coalesce(agency, '') <> ''
GROUP BY agency
ORDER BY agency;
