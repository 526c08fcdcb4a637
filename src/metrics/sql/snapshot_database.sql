-- The database the cleaned layer is built in: in memory, compressed as a file's tables are, so a
-- million report rows take a sixth of the memory, once compressed (compress_snapshot.sql). Made
-- the default for the connection that builds it; a cursor names it again (use_snapshot.sql).
ATTACH ':memory:' AS snapshot (COMPRESS);
USE snapshot;
