"""The dashboard's named queries: SQL files under sql/, run with parameters on a snapshot connection.

A snapshot connection is an in-memory DuckDB database with the report database attached read-only
as `raw`, over the cleaned layer the writer stored in it (or, in a database without one, built on the
snapshot once: metrics.cleaned_layer), so every query is a small aggregation. Filters reach SQL only
as bound parameters (lists included), never as SQL text.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from metrics import catalog, cleaned_layer, eras, formats
from metrics.sql_files import insert_rows, sql_text
from metrics.store import SUMMARIES

# A rate over fewer requests or cases than this is marked and kept out of rankings.
MIN_BASE = 10

GROUPINGS = ("all", "agency", "region", "level", "agency_type")
PEER_GROUPINGS = ("agency_type", "level")
FILTER_KINDS = ("region", "level", "agency_type", "agency", "format")

_PARAM = re.compile(r"\$([a-z_]+)")

# DuckDB's share of a snapshot's process (the dashboard's server). Past it, its cache of the report
# database's blocks gives way and a large intermediate result is written to a temporary file in the
# process's own folder, so at a whole country's scale the app stays within 2 GB (the rest is Python,
# Streamlit and the pages' frames); DuckDB's default is most of the machine.
SNAPSHOT_MEMORY = "1GB"


@dataclass(frozen=True)
class Filters:
    """The sidebar selection. An empty tuple means "no restriction"."""

    year_from: int
    year_to: int
    regions: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    agency_types: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()

    def params(self) -> dict:
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "regions": list(self.regions),
            "levels": list(self.levels),
            "agency_types": list(self.agency_types),
            "agencies": list(self.agencies),
            "formats": list(self.formats),
        }


@dataclass(frozen=True)
class FilterOptions:
    years: tuple[int, ...] = ()
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)


def series_map_rows() -> list[tuple[str, str, str]]:
    """(metric_id, format, series_id): which figure of which layout feeds which trend series.

    metrics.eras decides which legacy figure continues which standard one; a legacy figure with no
    counterpart stays a series of its own, charted within its era only.
    """
    return [
        (m.metric_id, fmt, eras.series_id(m.metric_id, fmt) or m.metric_id)
        for m in catalog.metrics().values()
        for fmt in formats_of(m)
    ]


def trend_series() -> list[str]:
    """The series a trend chart can show, in metric-dictionary order."""
    return list(dict.fromkeys(series for _, _, series in series_map_rows()))


def series_params(series: list[str]) -> dict:
    """The parameters of trend_series.sql for these series: the series and the metrics that feed them,
    whose columns of report_series it reads (SQL names a column by a constant, not by a lookup)."""
    return {
        "series": list(series),
        "series_metrics": sorted({m for m, _, s in series_map_rows() if s in series}),
    }


def formats_of(metric: catalog.Metric) -> tuple[str, ...]:
    if metric.formats == "all":
        return tuple(f for f in formats.FORMATS if f != formats.UNKNOWN)
    return tuple(metric.formats.split("|"))


def spans_eras(series_id: str) -> bool:
    """Whether a series has figures both before and after the 2019 change of format."""
    fmts = {fmt for _, fmt, s in series_map_rows() if s == series_id}
    return bool(fmts & set(eras.LEGACY_FORMATS)) and bool(fmts & set(eras.STANDARD_FORMATS))


class UnreadableDatabase(Exception):
    """The database file cannot be read: damaged, cut short, or not a DuckDB file at all."""


def open_snapshot(path: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database over the snapshot at `path` (read-only), with the cleaned layer in."""
    # ATTACH takes no bound parameters; the path is ours (store.db_path), quoted as a literal.
    literal = str(path).replace("'", "''")
    return _snapshot(f"ATTACH '{literal}' AS raw (READ_ONLY)")


def open_parquet_snapshot(tree: Path) -> duckdb.DuckDBPyConnection:
    """The same over a Parquet tree written by `ogi export` (metrics.parquet_tree)."""
    return _snapshot(sql_text("parquet_raw").replace("{dir}", str(tree).replace("'", "''")))


def _snapshot(attach: str) -> duckdb.DuckDBPyConnection:
    """Run `attach` (it makes the report tables readable as `raw`), then read the cleaned layer the
    database holds, or build it where it holds none this program built (metrics.cleaned_layer)."""
    con = duckdb.connect(
        ":memory:",
        config={"memory_limit": SNAPSHOT_MEMORY, "temp_directory": str(_spill_folder())},
    )
    try:
        try:
            con.execute(sql_text("snapshot_database"))
            con.execute(attach)
            _sources(con)
            stored = cleaned_layer.is_stored(con)
            if stored:
                cleaned_layer.read_stored(con)
            else:
                cleaned_layer.build_tables(con)
            con.execute(sql_text("views"))
        except (duckdb.CatalogException, duckdb.BinderException):
            raise  # a readable database of another layout (an older version), not a damaged one
        except duckdb.Error as e:
            # DuckDB names damage in several ways (IO errors, checksum mismatches, internal errors);
            # whichever it is, reading the file failed before any page asked anything of it.
            raise UnreadableDatabase(str(e)) from e
        insert_rows(con, "series_map_fill", series_map_rows(), ("metric_id", "format", "series_id"))
        if con.execute(sql_text("raw_has_table"), {"table_name": "flag_reviews"}).fetchone()[0]:
            con.execute(sql_text("copy_flag_statuses"))
        con.execute(sql_text("compress_snapshot"))
        if not stored:
            # After the compression, which leaves a sixth of the memory the cleaned layer took as built.
            cleaned_layer.build_anomalies(con)
    except BaseException:
        con.close()
        raise
    return con


def _spill_folder() -> Path:
    """Where a snapshot's DuckDB writes what does not fit its memory: a folder of this process's own
    (DuckDB names its files alike in every process), which DuckDB removes when it is done."""
    return Path(tempfile.gettempdir()) / f"ogi-snapshot-{os.getpid()}"


def _sources(con: duckdb.DuckDBPyConnection) -> None:
    """The report database's summaries, flagged facts and OCR marks, as stored or derived from its
    facts where it does not keep them (older, or a Parquet tree)."""
    for summary in SUMMARIES:
        _summary_source(con, summary)
    flagged = con.execute(sql_text("raw_has_table"), {"table_name": "flagged_facts"}).fetchone()[0]
    con.execute(sql_text("flagged_facts_stored" if flagged else "flagged_facts_derived"))
    marked = con.execute(
        sql_text("raw_has_column"), {"table_name": "facts", "column_name": "ocr_confidence"}
    ).fetchone()[0]
    con.execute(sql_text("report_ocr_stored" if marked else "report_ocr_absent"))
    con.execute(sql_text("ocr_marks_stored" if marked else "ocr_marks_absent"))


def _summary_source(con: duckdb.DuckDBPyConnection, summary: str) -> None:
    """A summary the store keeps in step with its facts (store.SUMMARIES), read as stored,
    or derived from the facts where the database does not keep it (older, or a Parquet tree)."""
    con.execute(sql_text(summary))
    stored = con.execute(sql_text("raw_has_table"), {"table_name": summary}).fetchone()[0]
    con.execute(sql_text(f"{summary}_stored" if stored else f"{summary}_pivoted"))


def run(con: duckdb.DuckDBPyConnection, name: str, params: dict) -> pd.DataFrame:
    """Run the named query with the parameters it mentions; extra parameters are ignored."""
    sql = sql_text(name)
    wanted = set(_PARAM.findall(sql))
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"query {name} needs parameters {sorted(missing)}")
    # A cursor per query: DuckDB connections are not shared between threads, cursors are cheap.
    with con.cursor() as cur:
        cur.execute(sql_text("use_snapshot"))
        return cur.execute(sql, {k: params[k] for k in wanted}).df()


def rows_in_chunks(
    con: duckdb.DuckDBPyConnection, name: str, params: dict, size: int
) -> Iterator[list[tuple]]:
    """The named query's rows, `size` at a time, for a result too large to hold at once (every
    report's text)."""
    sql = sql_text(name)
    with con.cursor() as cur:
        cur.execute(sql_text("use_snapshot"))
        cur.execute(sql, {k: params[k] for k in set(_PARAM.findall(sql))})
        while rows := cur.fetchmany(size):
            yield rows


def filter_options(con: duckdb.DuckDBPyConnection) -> FilterOptions:
    lists = run(con, "filter_options", {})
    by_kind = {kind: tuple(values) for kind, values in zip(lists["kind"], lists["values"], strict=True)}
    years = tuple(sorted(int(v) for v in by_kind.get("year", ())))
    return FilterOptions(years=years, values={k: by_kind.get(k, ()) for k in FILTER_KINDS})
