-- The stored statuses of findings, into the snapshot's flag_statuses (when the database has them).
INSERT INTO flag_statuses SELECT report_id, code, status, note, reviewed_at FROM raw.flag_reviews;
