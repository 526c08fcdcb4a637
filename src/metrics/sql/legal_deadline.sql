-- The legal deadline of a year's report: 31 March of the next year until the 2018 reports, 31 January
-- from 2019 on.
CREATE OR REPLACE MACRO legal_deadline(report_year) AS
    CASE WHEN report_year < 2019 THEN make_date(report_year + 1, 3, 31) ELSE make_date(report_year + 1, 1, 31) END;
