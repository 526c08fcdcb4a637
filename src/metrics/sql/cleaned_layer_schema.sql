-- Where the writer builds the cleaned layer: the database file's schema `cleaned`, apart from the
-- report tables (it has an agency_directory of its own), made the default so cleaned_layer.sql and
-- anomalies.sql create their tables there.
CREATE SCHEMA IF NOT EXISTS raw.cleaned;
USE raw.cleaned;
