-- Flags of the current versions: the reports that count.
SELECT f.code, f.scope, count(*) AS flags, count(DISTINCT f.report_id) AS reports
FROM raw.flags f
JOIN report_figures USING (report_id)
GROUP BY ALL
ORDER BY flags DESC, f.code;
