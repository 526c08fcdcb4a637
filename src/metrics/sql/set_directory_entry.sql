-- A person's entry for an agency name as printed (replaces an earlier one).
INSERT OR REPLACE INTO agency_directory
VALUES ($agency, $region, $level, $agency_type, $series, CAST(now() AS TIMESTAMP));
