-- Once the cleaned layer is built: an in-memory database compresses its tables at a checkpoint only
-- (at a million reports, about 1 GB of report rows become about 160 MB).
CHECKPOINT snapshot;
