-- The values each sidebar filter offers: everything the database holds, whatever else is selected
-- (the cleaned layer's filter_values, see cleaned_layer.sql).
SELECT kind, value FROM filter_values ORDER BY kind, value;
