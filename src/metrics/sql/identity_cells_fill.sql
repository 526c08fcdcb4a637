-- The rows of identity_cells (see identity_cells.sql), given as new_rows: check code, metric_id
-- (NULL: the finding's own row).
INSERT INTO identity_cells SELECT code, metric_id FROM new_rows;
