-- A cursor of a snapshot connection starts in the connection's plain in-memory database: the
-- cleaned layer's tables are in `snapshot` (snapshot_database.sql).
USE snapshot;
