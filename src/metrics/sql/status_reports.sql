-- Reports that count (current versions), and the other versions kept beside them; how many of the
-- reports that count were read (wholly or in part) by OCR.
SELECT year, format, status, count(*) FILTER (WHERE is_current) AS reports,
       count(*) FILTER (WHERE NOT is_current) AS other_versions,
       count(*) FILTER (WHERE is_current AND ocr_pages > 0) AS read_by_ocr
FROM report_versions
GROUP BY ALL
ORDER BY year NULLS LAST, format, status;
