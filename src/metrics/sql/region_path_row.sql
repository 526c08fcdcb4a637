-- One region and its full path (metrics.directory.gazetteer_path).
INSERT INTO region_paths VALUES ($region, $path);
