-- How many current reports a snapshot holds: the size of its copied-text comparison.
SELECT count(*) AS reports FROM report_figures;
