"""Regional roll-up: a region's reports of one year added up into the official 2021 tables."""
