-- Reviews and lawsuits per agency of the filtered set, the $top_n agencies with most cases first.
SELECT
    agency,
    any_value(agency_type) AS agency_type,
    count(*) AS reports,
    sum(review_total) AS review_total,
    sum(review_corrected) AS review_corrected,
    sum(review_closed) AS review_closed,
    sum(review_corrected) / nullif(sum(review_correction_base), 0) AS review_correction_rate,
    sum(litigation_total) AS litigation_total,
    sum(litigation_corrected) AS litigation_corrected,
    sum(litigation_closed) AS litigation_closed,
    sum(litigation_corrected) / nullif(sum(litigation_correction_base), 0) AS litigation_correction_rate,
    sum(cases_total) AS cases_total,
    sum(cases_closed) AS cases_closed,
    sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
WHERE coalesce(agency, '') <> '' AND cases_total IS NOT NULL
GROUP BY agency
ORDER BY cases_total DESC, agency
LIMIT $top_n;
