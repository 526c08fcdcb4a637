-- The values each sidebar filter offers: everything the database holds, whatever else is selected
-- (the cleaned layer's filter_values, see cleaned_layer.sql), one sorted list per kind: a row per
-- value took three times as long to bring into Python at a whole country's 130,000 values.
SELECT kind, list(value ORDER BY value) AS "values"
FROM filter_values
GROUP BY kind
ORDER BY kind;
