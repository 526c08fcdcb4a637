"""The ids of the four report layouts (detection from a report's content is metrics.extract.detect)."""

from __future__ import annotations

STD2021 = "std2021"
STD2019 = "std2019"
LEGACY_TABLE = "legacy_table"
LEGACY_PROSE = "legacy_prose"
UNKNOWN = "unknown"
FORMATS = (STD2021, STD2019, LEGACY_TABLE, LEGACY_PROSE, UNKNOWN)
