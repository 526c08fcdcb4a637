-- The cleaned layer as the writer stored it in the database (the schema `cleaned`, see
-- cleaned_layer.sql and anomalies.sql), read in place: a snapshot builds none of it.
CREATE OR REPLACE VIEW findings AS SELECT * FROM raw.cleaned.findings;
CREATE OR REPLACE VIEW identity_cells AS SELECT * FROM raw.cleaned.identity_cells;
CREATE OR REPLACE VIEW finding_facts AS SELECT * FROM raw.cleaned.finding_facts;
CREATE OR REPLACE VIEW agency_directory AS SELECT * FROM raw.cleaned.agency_directory;
CREATE OR REPLACE VIEW report_versions AS SELECT * FROM raw.cleaned.report_versions;
CREATE OR REPLACE VIEW anomalies AS SELECT * FROM raw.cleaned.anomalies;
CREATE OR REPLACE VIEW filter_values AS SELECT * FROM raw.cleaned.filter_values;
