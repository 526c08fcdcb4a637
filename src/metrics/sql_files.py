"""The SQL the program runs: one file per statement or layer under sql/, read by name."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def sql_text(name: str) -> str:
    """The text of sql/<name>.sql; the files do not change while a process runs, so each is read once."""
    return resources.files("metrics").joinpath(f"sql/{name}.sql").read_text(encoding="utf-8")
