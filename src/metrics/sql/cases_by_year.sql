-- Administrative reviews and lawsuits about disclosure per year of the filtered set, by result.
SELECT
    year,
    sum(review_upheld) AS review_upheld,
    sum(review_corrected) AS review_corrected,
    sum(review_other) AS review_other,
    sum(review_pending) AS review_pending,
    sum(review_total) AS review_total,
    sum(review_closed) AS review_closed,
    sum(review_corrected) / nullif(sum(review_correction_base), 0) AS review_correction_rate,
    sum(litigation_upheld) AS litigation_upheld,
    sum(litigation_corrected) AS litigation_corrected,
    sum(litigation_other) AS litigation_other,
    sum(litigation_pending) AS litigation_pending,
    sum(litigation_total) AS litigation_total,
    sum(litigation_closed) AS litigation_closed,
    sum(litigation_corrected) / nullif(sum(litigation_correction_base), 0) AS litigation_correction_rate,
    sum(cases_closed) AS cases_closed,
    sum(correction_base) AS correction_base,
    sum(review_correction_base) AS review_correction_base,
    sum(litigation_correction_base) AS litigation_correction_base,
    sum(cases_corrected) / nullif(sum(correction_base), 0) AS correction_rate,
    count(*) FILTER (WHERE cases_total IS NOT NULL) AS reports
FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
GROUP BY year
ORDER BY year;
