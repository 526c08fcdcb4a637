-- Checks between consecutive years of one agency, between current versions only (a report's other
-- versions are not what the next year continues); rebuilt after every ingest, after current_versions.sql.
DELETE FROM flags WHERE scope = 'across_years';

INSERT INTO flags
WITH totals AS (
    SELECT r.report_id, r.agency, r.year, f.metric_id, f.value
    FROM reports r JOIN facts f USING (report_id) JOIN current_versions v USING (report_id)
    WHERE v.is_current AND f.requester_column = 'total' AND f.value IS NOT NULL
      AND r.agency <> '' AND r.year IS NOT NULL
),
carried AS (
    SELECT cur.report_id, cur.year, cur.value AS carried_over, prev.value AS prev_forward
    FROM totals cur
    JOIN totals prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
    WHERE cur.metric_id = 'requests_carried_over' AND prev.metric_id = 'requests_carried_forward'
)
SELECT report_id, 'across_years:carried_over',
       format('上年结转 {} 与 {} 年报告的结转下年度继续办理 {} 不一致', carried_over::BIGINT, year - 1, prev_forward::BIGINT),
       'requests_carried_over', 'total', 'warning', 'across_years'
FROM carried
WHERE carried_over <> prev_forward;

INSERT INTO flags
WITH totals AS (
    SELECT r.report_id, r.agency, r.year, r.format, f.metric_id, f.value
    FROM reports r JOIN facts f USING (report_id) JOIN current_versions v USING (report_id)
    WHERE v.is_current AND f.requester_column = 'total' AND f.value IS NOT NULL
      AND r.agency <> '' AND r.year IS NOT NULL
),
kinds(kind, zh) AS (VALUES ('rules', '规章'), ('normative', '行政规范性文件')),
stock AS (
    SELECT cur.report_id, cur.year, k.kind, k.zh,
           cur.value AS in_force, prev.value AS prev_in_force, issued.value AS issued, abolished.value AS abolished
    FROM kinds k
    JOIN totals cur ON cur.metric_id = k.kind || '_in_force' AND cur.format = 'std2021'
    JOIN totals prev ON prev.agency = cur.agency AND prev.year = cur.year - 1
                    AND prev.metric_id = k.kind || '_in_force' AND prev.format = 'std2021'
    JOIN totals issued ON issued.report_id = cur.report_id AND issued.metric_id = k.kind || '_issued'
    JOIN totals abolished ON abolished.report_id = cur.report_id AND abolished.metric_id = k.kind || '_abolished'
)
SELECT report_id, 'across_years:in_force',
       format('{} 现行有效 {} ≠ 上年 {} + 本年制发 {} − 本年废止 {} = {}', zh, in_force::BIGINT, prev_in_force::BIGINT,
              issued::BIGINT, abolished::BIGINT, (prev_in_force + issued - abolished)::BIGINT),
       kind || '_in_force', 'total', 'warning', 'across_years'
FROM stock
WHERE in_force <> prev_in_force + issued - abolished;
