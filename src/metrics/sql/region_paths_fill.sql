-- Each stored region and its full path (metrics.directory.gazetteer_path), given as new_rows.
INSERT INTO region_paths SELECT region, path FROM new_rows;
