-- Reports that count (current versions), and the other versions kept beside them.
SELECT year, format, status, count(*) FILTER (WHERE is_current) AS reports,
       count(*) FILTER (WHERE NOT is_current) AS other_versions
FROM report_versions
GROUP BY ALL
ORDER BY year NULLS LAST, format, status;
