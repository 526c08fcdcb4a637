-- One row of identity_cells (see identity_cells.sql): check code, metric_id (NULL: the finding's own row).
INSERT INTO identity_cells VALUES (?, ?);
