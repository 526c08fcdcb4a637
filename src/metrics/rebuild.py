"""`ogi rebuild`: every file the ingest log names read again with the current parser into a new
database, which replaces the old one only once complete. A file no longer found keeps what the old
database held for it, and is named."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from metrics.file_names import from_storage
from metrics.ingest import Progress, Summary, ingest_into
from metrics.sql_files import sql_text
from metrics.store import LOCK_WAIT_SECONDS, connect_readonly, open_for_writing


@dataclass
class Rebuilt:
    summary: Summary
    missing: list[str]  # stored names of the files no longer found
    seconds: float


def rebuild(
    db: Path,
    workers: int | None = None,
    progress: Progress | None = None,
    wait: float = LOCK_WAIT_SECONDS,
    waiting: Callable[[str], None] | None = None,
) -> Rebuilt:
    started = time.monotonic()
    # The lock is held from the reading of the log to the swap, so no ingest between is lost.
    with open_for_writing(db, wait, waiting, fresh=True) as writer:
        present, missing = _present_and_missing(logged_files(db))
        summary = ingest_into(writer, present, workers, progress)
        writer.carry_over(db, missing)
        writer.refresh_cross_year_flags()
    return Rebuilt(summary, missing, time.monotonic() - started)


def logged_files(db: Path) -> list[str]:
    with connect_readonly(db) as con:
        return [name for (name,) in con.execute(sql_text("logged_files")).fetchall()]


def _present_and_missing(names: list[str]) -> tuple[list[str], list[str]]:
    """The paths of the files still there, and the stored names of those no longer found. A link is
    never read again: files read are logged by their real path, so a logged link is one an ingest
    refused (it led outside the paths given), and naming it alone would have it followed."""
    present, missing = [], []
    for name in names:
        path = from_storage(name)
        if os.path.exists(path) and not os.path.islink(path):
            present.append(path)
        else:
            missing.append(name)
    return present, missing
