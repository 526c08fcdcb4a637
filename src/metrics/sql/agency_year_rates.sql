-- Per agency and year over the filtered set: the volumes and rates the compare page shows year by year.
SELECT
    agency,
    year,
    sum(requests_new) AS requests_new,
    sum(outcome_total) AS outcome_total,
    sum(outcome_denied) AS outcome_denied,
    sum(review_total) AS review_total,
    sum(litigation_total) AS litigation_total,
    sum(granted_or_partial) / nullif(sum(outcome_total), 0) AS grant_rate,
    sum(refused) / nullif(sum(outcome_total), 0) AS refusal_rate,
    sum(cases_closed) AS cases_closed,
    sum(cases_corrected) / nullif(sum(cases_closed), 0) AS correction_rate
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
WHERE coalesce(agency, '') <> ''
GROUP BY agency, year
ORDER BY agency, year;
