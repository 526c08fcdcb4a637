-- The cells an identity finding quotes, by check code (metrics.templates declares them;
-- cleaned_layer.build_tables fills this from Python with identity_cells_fill.sql): the identity's
-- metrics, in the finding's column; a NULL metric is a check across requester columns, about the
-- finding's row in every column.
CREATE OR REPLACE TABLE identity_cells (code VARCHAR, metric_id VARCHAR);
