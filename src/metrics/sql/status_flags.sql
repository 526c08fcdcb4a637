SELECT code, scope, count(*) AS flags, count(DISTINCT report_id) AS reports
FROM flags
GROUP BY ALL
ORDER BY flags DESC, code;
