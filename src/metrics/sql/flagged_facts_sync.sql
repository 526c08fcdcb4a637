-- After the checks across years are stored again (cross_year_flags.sql), or a rebuild carried old
-- reports over: flagged_facts holds the facts of exactly the reports that have a flag. A report's
-- facts come and go whole, so only reports newly flagged or no longer flagged change.
DELETE FROM flagged_facts WHERE report_id NOT IN (SELECT report_id FROM flags);
INSERT INTO flagged_facts
SELECT * FROM facts
WHERE report_id IN (SELECT report_id FROM flags EXCEPT SELECT report_id FROM flagged_facts);
