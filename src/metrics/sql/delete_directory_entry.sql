-- An agency name back to what its name and the gazetteer give (its entry removed).
DELETE FROM agency_directory WHERE agency = $agency;
