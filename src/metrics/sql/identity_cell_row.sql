-- One row of identity_cells (see views.sql): check code, metric_id (NULL: the finding's own row).
INSERT INTO identity_cells VALUES (?, ?);
