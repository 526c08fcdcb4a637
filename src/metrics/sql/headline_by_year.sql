-- The headline figures of each year of the filtered set; rates carry their denominators.
SELECT
    year,
    count(*) AS reports,
    count(DISTINCT agency) AS agencies,
    sum(proactive_items) AS proactive_items,
    count(proactive_items) AS proactive_items_reports,
    sum(requests_new) AS requests_new,
    count(requests_new) AS requests_new_reports,
    sum(granted_or_partial) AS granted_or_partial,
    sum(refused) AS refused,
    sum(outcome_total) AS outcome_total,
    count(outcome_total) AS outcome_total_reports,
    sum(granted_or_partial) / nullif(sum(outcome_total), 0) AS grant_rate,
    sum(refused) / nullif(sum(outcome_total), 0) AS refusal_rate,
    sum(cases_total) AS cases_total,
    sum(cases_corrected) AS cases_corrected,
    sum(cases_closed) AS cases_closed,
    sum(correction_base) AS correction_base,
    count(cases_corrected) AS correction_reports,
    sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
GROUP BY year
ORDER BY year;
