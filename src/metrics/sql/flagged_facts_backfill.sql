-- A database written before flagged_facts existed: the table, with the facts of its flagged reports,
-- once, when a writer first opens it. A new database gets it here too (empty), shaped like facts.
CREATE TABLE flagged_facts AS SELECT * FROM facts WHERE report_id IN (SELECT report_id FROM flags);
