-- Every region read from an agency name, for the gazetteer to complete.
SELECT DISTINCT region FROM raw.main.reports WHERE coalesce(region, '') <> '';
