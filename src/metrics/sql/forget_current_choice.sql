-- Back to the rule for one agency and year: the stored choice is dropped.
DELETE FROM current_choices WHERE agency = $agency AND year = $year;
