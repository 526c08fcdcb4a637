-- A series joined to another: the names that named the old series as theirs now name the new one,
-- so a bureau renamed twice (农业局 → 农村发展局 → 农业农村局) stays one series.
UPDATE agency_directory SET series = $series, updated_at = CAST(now() AS TIMESTAMP)
WHERE series = $agency;
