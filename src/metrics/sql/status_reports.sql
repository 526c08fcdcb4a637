SELECT year, format, status, count(*) AS reports
FROM reports
GROUP BY ALL
ORDER BY year NULLS LAST, format, status;
