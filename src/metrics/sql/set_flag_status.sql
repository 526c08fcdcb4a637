-- A person's status for a finding of a report (replaces the earlier one).
INSERT OR REPLACE INTO flag_reviews
VALUES ($report_id, $code, $status, $note, CAST(now() AS TIMESTAMP));
