-- Agencies and years whose versions do not have exactly one current one (after current_versions.sql).
SELECT 'not one current version' AS finding,
       group_agency || ' ' || coalesce(group_year::VARCHAR, '') AS subject,
       count(*) FILTER (WHERE is_current) || ' current of ' || count(*) || ' versions' AS detail
FROM current_versions
GROUP BY group_agency, group_year
HAVING count(*) FILTER (WHERE is_current) <> 1
ORDER BY subject;
