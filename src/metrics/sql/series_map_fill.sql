-- The rows of series_map (see views.sql), given as new_rows: metric_id, format, series_id.
INSERT INTO series_map SELECT metric_id, format, series_id FROM new_rows;
