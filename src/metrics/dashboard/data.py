"""Query results for the pages, cached per database snapshot.

The snapshot connection is a cache_resource and every result a cache_data entry, both keyed by
store.db_version: when an ingest swaps in a new database file, the version changes and the new
snapshot is built in the background. Before it is shown, the results pages asked of the snapshot
before it (the latest WARM_RESULTS of them) are computed on it too, so the runs after an ingest find
them cached instead of each waiting for its own. Pages wait for the new snapshot up to
FRESH_WAIT_SECONDS (a tiny database's is ready by then, so they show the new figures at once); past
that they go on with the snapshot they had, and its cached results, until the new one is ready.
Without that, every ingest batch into a large database would stop every session until the results
were computed again (and, where the database holds no cleaned layer, until the snapshot built one:
seconds at 100,000 reports; see metrics.cleaned_layer) and then leave every cache cold. File names
come out decoded (the database keeps names in any bytes as \\xNN escapes; see metrics.file_names).
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import streamlit as st

from metrics import directory, queries, similarity, store
from metrics.dashboard import state
from metrics.file_names import readable
from metrics.rollup import compute


def db_file() -> Path:
    return store.db_path()


# How long a run waits for a newer database's snapshot before it goes on with the one it had: a
# tiny database's is built by then; any longer wait would hold every session's next click after
# every ingest batch (with the results asked before computed on it, a build takes a while).
FRESH_WAIT_SECONDS = 0.25
# How long the Similar page waits for a new snapshot's copied-text comparison (a small database's is
# done by then) before it shows the one it had and says a new one runs; only where the snapshot holds
# few enough reports to be compared in that time (some 600 take a third of a second): beyond, the
# comparison takes minutes, the wait would only delay the page, and its note says when it is done.
COMPARISON_WAIT_SECONDS = 2.0
COMPARISON_WAIT_MAX_REPORTS = 5_000
# Worker processes of the copied-text comparison (two even on one core: the point is to keep its work
# out of the server's own process).
COMPARISON_WORKERS = max(2, os.cpu_count() or 1)
# How many of the latest results asked of a snapshot are computed on the next one before it is shown.
WARM_RESULTS = 64


@dataclass
class _Build:
    thread: threading.Thread
    started: float  # time.monotonic()


@dataclass
class _Snapshots:
    """Per database file: the version whose snapshot is built, and the build of a newer one."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    built: dict[str, int] = field(default_factory=dict)
    building: dict[str, _Build] = field(default_factory=dict)
    # Per database file, the latest results asked for, oldest first: (cached function, its
    # arguments after the path and version), keyed by their text.
    asked: dict[str, OrderedDict[str, tuple[Callable, tuple]]] = field(default_factory=dict)


_SNAPSHOTS = _Snapshots()


def version() -> int:
    """The version of the snapshot this run reads: the file's, once its snapshot is built."""
    return _version(FRESH_WAIT_SECONDS)


def wait_for_current() -> None:
    """Hold this run until the database file's own snapshot is in: after this session wrote to the
    database (an upload, a version chosen, a flag's status, the directory), its next question must
    see what it wrote, however long the build takes."""
    _version(None)


def _version(wait: float | None) -> int:
    """As version(), waiting up to `wait` seconds for a newer file's snapshot (None: until built)."""
    path = str(db_file())
    on_disk = store.db_version(Path(path))
    with _SNAPSHOTS.lock:
        built = _SNAPSHOTS.built.get(path)
        if on_disk in (0, built):
            return on_disk
        build = _SNAPSHOTS.building.get(path)
        if build is None:
            build = _Build(
                threading.Thread(target=_build, args=(path, on_disk), daemon=True), time.monotonic()
            )
            _SNAPSHOTS.building[path] = build
            build.thread.start()
    if built is None or wait is None:
        # Nothing older to show on a first snapshot: wait for it (a damaged file then raises here).
        build.thread.join()
        return on_disk
    # Counted from the build's start, so a run that asks many times waits once at most.
    build.thread.join(timeout=max(0.0, build.started + wait - time.monotonic()))
    return built if build.thread.is_alive() else on_disk


def _build(path: str, db_version: int) -> None:
    try:
        _snapshot(path, db_version)
    except Exception:  # a damaged file: the run that asks for this version opens it and says why
        pass
    else:
        _warm(path, db_version)
        with _SNAPSHOTS.lock:
            _SNAPSHOTS.built[path] = db_version
    finally:
        with _SNAPSHOTS.lock:
            _SNAPSHOTS.building.pop(path, None)


def _warm(path: str, db_version: int) -> None:
    """Compute on the new snapshot what pages asked of the one before, latest first."""
    with _SNAPSHOTS.lock:
        asked = list(_SNAPSHOTS.asked.get(path, {}).values())
    for cached, args in reversed(asked):
        try:
            cached(path, db_version, *args)
        except Exception:  # the page that asks again gets the error, and says it
            pass


def _cached(cached: Callable, *args):
    """cached(path, version, *args) for this run's snapshot, noted as asked for the next one."""
    path = str(db_file())
    key = f"{cached.__name__}{args!r}"
    with _SNAPSHOTS.lock:
        asked = _SNAPSHOTS.asked.setdefault(path, OrderedDict())
        asked.pop(key, None)
        asked[key] = (cached, args)
        if len(asked) > WARM_RESULTS:
            asked.popitem(last=False)
    return cached(path, version(), *args)


def showing_older() -> bool:
    """True while the pages show an older snapshot than the database file holds."""
    return version() != store.db_version(db_file())


@st.cache_resource(max_entries=2, show_spinner=False)
def _snapshot(path: str, db_version: int) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(Path(path))


@st.cache_data(max_entries=256, show_spinner=False)
def _result(path: str, db_version: int, name: str, params: dict) -> pd.DataFrame:
    return _lists_as_python(_names_decoded(queries.run(_snapshot(path, db_version), name, params)))


def _lists_as_python(df: pd.DataFrame) -> pd.DataFrame:
    """List cells as Python lists. DuckDB gives a list column as numpy arrays, which cache_data pickles
    at some 10 µs each: 0.6 s for the missing years of 65,000 agencies, against 30 ms as lists."""
    for column in df.select_dtypes(include="object", exclude="str").columns:
        known = df[column].dropna()
        if len(known) and isinstance(known.iloc[0], np.ndarray):
            df[column] = [v.tolist() if isinstance(v, np.ndarray) else v for v in df[column]]
    return df


def _names_decoded(df: pd.DataFrame) -> pd.DataFrame:
    """Stored file names as people read them: a GBK name shows its characters, not \\xNN escapes."""
    if "file_path" in df.columns:
        # Only a stored name with a backslash holds escapes; any other is the name itself.
        escaped = df["file_path"].str.contains("\\", regex=False, na=False)
        if escaped.any():
            df.loc[escaped, "file_path"] = df.loc[escaped, "file_path"].map(readable)
    return df


@st.cache_data(max_entries=4, show_spinner=False)
def _options(path: str, db_version: int) -> queries.FilterOptions:
    return queries.filter_options(_snapshot(path, db_version))


def has_database() -> bool:
    return version() != 0


def options() -> queries.FilterOptions:
    return _cached(_options)


def params(filters: queries.Filters | None = None, **extra) -> dict:
    """The current sidebar filters (or the given ones) as query parameters, plus page choices."""
    base = (filters or state.filters()).params()
    return base | {k: list(v) if isinstance(v, tuple) else v for k, v in extra.items()}


def run(name: str, query_params: dict) -> pd.DataFrame:
    return _cached(_result, name, query_params)


def query(name: str, filters: queries.Filters | None = None, **extra) -> pd.DataFrame:
    """A named query over the current filters; `extra` adds page-level parameters."""
    return run(name, params(filters, **extra))


def selected_among(report_ids: pd.Series) -> pd.Series:
    """Which of these reports the sidebar's filters select, asked of the snapshot for these only."""
    return query("selected_among", report_ids=sorted(set(report_ids)))["report_id"]


@st.cache_data(max_entries=16, show_spinner=False)
def _rollup(path: str, db_version: int, selection: compute.Selection) -> compute.Rollup:
    return compute.compute(_snapshot(path, db_version), selection)


def rollup(selection: compute.Selection) -> compute.Rollup:
    """A region's roll-up on the current snapshot (metrics.rollup)."""
    return _cached(_rollup, selection)


@dataclass
class _Comparisons:
    """Per database file: the latest finished copied-text comparison, and the one being made.

    Comparing every report's text takes minutes over a million reports (one core, in this process), so
    it runs in a thread of its own, once per snapshot and one at a time: the Similar page waits for it
    up to COMPARISON_WAIT_SECONDS and past that shows the comparison it had (or none yet) and says it
    runs."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    done: dict[str, tuple[int, similarity.Comparison | Exception]] = field(default_factory=dict)
    running: dict[str, _Build] = field(default_factory=dict)


_COMPARISONS = _Comparisons()


def _compare(path: str, db_version: int) -> None:
    try:
        # Its two heavy stages in worker processes: in a thread of this process they would hold the
        # interpreter's lock from every page run for as long as they take (seconds on thousands of
        # reports), and every session would wait.
        con = _snapshot(path, db_version)
        result = similarity.compare(
            texts=lambda: queries.rows_in_chunks(con, "report_texts", {}, similarity.CHUNK),
            workers=COMPARISON_WORKERS,
        )
    except Exception as e:  # kept, so the page that asks says why instead of starting it again
        result = e
    with _COMPARISONS.lock:
        _COMPARISONS.done[path] = (db_version, result)
        del _COMPARISONS.running[path]


def similar_reports() -> similarity.Comparison | None:
    """For every report, its most similar earlier report of the same agency and report of another
    agency that year (metrics.similarity), over the whole database: of the snapshot the pages read
    when it is done within COMPARISON_WAIT_SECONDS, else of an older snapshot, or None before the first.
    A comparison of an older snapshot still running is let finish; the next run starts this one's."""
    path, db_version = str(db_file()), version()
    with _COMPARISONS.lock:
        done = _COMPARISONS.done.get(path)
        build = _COMPARISONS.running.get(path)
        if (done is None or done[0] != db_version) and build is None:
            build = _Build(
                threading.Thread(target=_compare, args=(path, db_version), daemon=True), time.monotonic()
            )
            _COMPARISONS.running[path] = build
            build.thread.start()
    if build is not None and _report_count(path, db_version) <= COMPARISON_WAIT_MAX_REPORTS:
        build.thread.join(timeout=max(0.0, build.started + COMPARISON_WAIT_SECONDS - time.monotonic()))
        with _COMPARISONS.lock:
            done = _COMPARISONS.done.get(path)
    if done is None:
        return None
    found_version, result = done
    if isinstance(result, Exception):
        if found_version == db_version:
            raise result
        return None
    return result


def _report_count(path: str, db_version: int) -> int:
    # Through the snapshot's cached results: the page asks on every run, the answer is the snapshot's.
    return int(_result(path, db_version, "report_count", {})["reports"].iloc[0])


def wait_for_comparisons() -> None:
    """Return once no comparison runs (a benchmark's, so the comparison's core and memory are counted
    with the pages that started it, not with what is timed after)."""
    with _COMPARISONS.lock:
        threads = [build.thread for build in _COMPARISONS.running.values()]
    for thread in threads:
        thread.join()


def comparing_since() -> float | None:
    """Seconds since the running comparison started, while one runs; else None."""
    with _COMPARISONS.lock:
        build = _COMPARISONS.running.get(str(db_file()))
    return None if build is None else time.monotonic() - build.started


@st.cache_data(max_entries=4, show_spinner=False)
def _rename_suggestions(path: str, db_version: int) -> pd.DataFrame:
    return directory.suggest_successors(_result(path, db_version, "directory", {}))


def rename_suggestions() -> pd.DataFrame:
    """Agency names that look like one bureau renamed (metrics.directory), over the whole directory."""
    return _cached(_rename_suggestions)
