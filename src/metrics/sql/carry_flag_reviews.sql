-- A rebuild keeps the follow-up status of the findings of reports the new database still holds (an
-- unchanged file is read into the same report id), as re-ingesting the file would.
INSERT OR REPLACE INTO flag_reviews SELECT * FROM old.flag_reviews
WHERE report_id IN (SELECT report_id FROM reports);
