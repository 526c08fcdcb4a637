"""Query results for the pages, cached per database snapshot.

The snapshot connection is a cache_resource and every result a cache_data entry, both keyed by
store.db_version: when an ingest swaps in a new database file, the version changes, the next run
opens the new snapshot and every page shows the new figures. File names come out decoded (the
database keeps names in any bytes as \\xNN escapes; see metrics.file_names).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from metrics import anomalies, queries, similarity, store
from metrics.dashboard import state
from metrics.file_names import readable
from metrics.rollup import compute


def db_file() -> Path:
    return store.db_path()


def version() -> int:
    return store.db_version(db_file())


@st.cache_resource(max_entries=2, show_spinner=False)
def _snapshot(path: str, db_version: int) -> duckdb.DuckDBPyConnection:
    return queries.open_snapshot(Path(path))


@st.cache_data(max_entries=256, show_spinner=False)
def _result(path: str, db_version: int, name: str, params: dict) -> pd.DataFrame:
    return _names_decoded(queries.run(_snapshot(path, db_version), name, params))


def _names_decoded(df: pd.DataFrame) -> pd.DataFrame:
    """Stored file names as people read them: a GBK name shows its characters, not \\xNN escapes."""
    if "file_path" in df.columns:
        df["file_path"] = df["file_path"].map(readable, na_action="ignore")
    return df


@st.cache_data(max_entries=4, show_spinner=False)
def _options(path: str, db_version: int) -> queries.FilterOptions:
    return queries.filter_options(_snapshot(path, db_version))


def has_database() -> bool:
    return version() != 0


def options() -> queries.FilterOptions:
    return _options(str(db_file()), version())


def params(filters: queries.Filters | None = None, **extra) -> dict:
    """The current sidebar filters (or the given ones) as query parameters, plus page choices."""
    base = (filters or state.filters()).params()
    return base | {k: list(v) if isinstance(v, tuple) else v for k, v in extra.items()}


def run(name: str, query_params: dict) -> pd.DataFrame:
    return _result(str(db_file()), version(), name, query_params)


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
    return _rollup(str(db_file()), version(), selection)


@st.cache_data(max_entries=4, show_spinner=False)
def _anomalies(path: str, db_version: int) -> pd.DataFrame:
    return anomalies.find(queries.run(_snapshot(path, db_version), "anomaly_figures", {}))


def anomalies_found() -> pd.DataFrame:
    """Every anomaly of the database (metrics.anomalies), judged over all its reports."""
    return _anomalies(str(db_file()), version())


@st.cache_data(max_entries=4, show_spinner=False)
def _similar_reports(path: str, db_version: int) -> similarity.Comparison:
    return similarity.compare(queries.run(_snapshot(path, db_version), "report_prose", {}))


def similar_reports() -> similarity.Comparison:
    """For every report, its most similar earlier report of the same agency and report of another
    agency that year (metrics.similarity), over the whole database."""
    return _similar_reports(str(db_file()), version())
