-- Where the follow-up of each finding stands, for findings computed on the snapshot (anomalies).
SELECT report_id, code, status, note FROM flag_statuses;
