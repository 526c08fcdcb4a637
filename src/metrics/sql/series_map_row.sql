-- One row of series_map (see views.sql): metric_id, format, series_id.
INSERT INTO series_map VALUES (?, ?, ?);
