-- The facts of the flagged reports of a database that does not keep them (written before
-- flagged_facts, or a Parquet tree): read from all its facts by the cleaned layer's build.
CREATE OR REPLACE TEMP VIEW flagged_facts_source AS
SELECT * FROM raw.facts WHERE report_id IN (SELECT report_id FROM raw.flags);
