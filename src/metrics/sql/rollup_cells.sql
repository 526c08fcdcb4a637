-- Every figure of the roll-up's reports added up per layout, metric and requester column; the
-- layouts are mapped onto the 2021 table in Python (metrics.rollup), where the era mapping is data.
SELECT r.format, f.metric_id, f.requester_column,
    sum(f.value) AS value,
    count(f.value) AS reports
FROM regional_reports($region, $levels, $agency_types) r
JOIN raw.facts f USING (report_id)
WHERE r.year = $year
GROUP BY ALL
ORDER BY ALL;
