-- The facts of the flagged reports as the store keeps them (raw.flagged_facts, see schema.sql), which
-- the cleaned layer's build reads (finding_facts in cleaned_layer.sql); temporary, so a writer's build
-- leaves no view in the file.
CREATE OR REPLACE TEMP VIEW flagged_facts_source AS SELECT * FROM raw.main.flagged_facts;
