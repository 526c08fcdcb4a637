-- The facts of the flagged reports as the store keeps them (raw.flagged_facts, see schema.sql). Not a
-- temporary view: pages read it at query time, through cursors of their own.
CREATE OR REPLACE VIEW flagged_facts_source AS SELECT * FROM raw.flagged_facts;
