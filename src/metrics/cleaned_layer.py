"""The cleaned layer the dashboard's pages read: every report version with its directory names, totals
and findings (report_versions), the findings, the agency directory and the anomalies.

It depends on the database alone, and building it is most of a snapshot's time and memory at scale
(15 s and 2 GB at a million reports), so the writer builds it once, when it stores a database
(store.open_for_writing), into the file's schema `cleaned`, and a snapshot reads it there. A database
without it (a Parquet tree, a file written before) or with one this program would not build (another
version's: see stamp) gets it built in the snapshot instead.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

import duckdb

from metrics import anomalies, gazetteer
from metrics.sql_files import insert_rows, sql_text
from metrics.templates import IDENTITIES

# A peer median stands on at least this many other agencies, or is not given.
MIN_PEERS = 3

# The SQL of the build, as the writer runs it: what the stamp covers.
_BUILD_SQL = (
    "report_totals_stored",
    "report_cells_stored",
    "report_ocr_stored",
    "flagged_facts_stored",
    "identity_cells",
    "identity_cells_fill",
    "current_versions",
    "directory_tables",
    "stored_regions",
    "region_paths_fill",
    "copy_directory_entries",
    "legal_deadline",
    "cleaned_layer",
    "report_figures",
    "anomalies",
)


@functools.cache
def stamp() -> str:
    """What a layer is built by: the build's SQL (but its comment lines, which change no layer), the
    anomalies' limits and the gazetteer (its code and its division table). A stored layer of another
    stamp is another version's and is not read: a column added since would be missing, a changed check
    would show the old findings."""
    parts = [_without_comment_lines(sql_text(name)) for name in _BUILD_SQL]
    parts.append(repr(anomalies.limits(MIN_PEERS)))
    parts.append(repr(identity_cell_rows()))
    parts.append(Path(gazetteer.__file__).read_text(encoding="utf-8"))
    parts.append(metadata.version("cpca"))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _without_comment_lines(sql: str) -> str:
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))


def is_stored(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database attached as `raw` holds a layer this program built."""
    return con.execute(sql_text("stored_layer_stamp")).fetchone()[0] == stamp()


def store(con: duckdb.DuckDBPyConnection) -> None:
    """Build the layer into the database attached as `raw` (a writer's copy: its schema `cleaned`,
    replacing the layer it held), from its stored summaries; stamped last."""
    con.execute(sql_text("cleaned_layer_schema"))
    try:
        for source in (
            "report_totals_stored",
            "report_cells_stored",
            "report_ocr_stored",
            "flagged_facts_stored",
        ):
            con.execute(sql_text(source))
        build_tables(con)
        build_anomalies(con)
        con.execute(sql_text("cleaned_layer_stamp").replace("{stamp}", stamp()))
    finally:
        con.execute("USE raw")


def read_stored(con: duckdb.DuckDBPyConnection) -> None:
    """The stored layer, read in place as the tables build_tables and build_anomalies would make."""
    # Not read by the layer here, but by `ogi status` and `ogi check` on a snapshot (check_versions.sql).
    con.execute(sql_text("current_versions"))
    con.execute(sql_text("legal_deadline"))
    con.execute(sql_text("cleaned_layer_stored"))
    con.execute(sql_text("report_figures"))


def build_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The layer's tables but the anomalies, in the connection's default database, from the database
    attached as `raw` once its summaries', OCR marks' and flagged facts' sources are made
    (report_totals_source, report_cells_source, report_ocr, flagged_facts_source)."""
    con.execute(sql_text("current_versions"))
    _directory_inputs(con)
    _identity_cells(con)
    con.execute(sql_text("legal_deadline"))
    con.execute(sql_text("cleaned_layer"))
    con.execute(sql_text("report_figures"))


def build_anomalies(con: duckdb.DuckDBPyConnection) -> None:
    """Table `anomalies`, from the report_figures of build_tables."""
    anomalies.build(con, MIN_PEERS)


def _identity_cells(con: duckdb.DuckDBPyConnection) -> None:
    """Table identity_cells, which finding_facts (cleaned_layer.sql) and flag_figures.sql read."""
    con.execute(sql_text("identity_cells"))
    insert_rows(con, "identity_cells_fill", identity_cell_rows(), ("code", "metric_id"))


def identity_cell_rows() -> list[tuple[str, str | None]]:
    """(check code, metric_id): the cells a finding of each identity check quotes, as
    metrics.dashboard.findings reads them (one identity per code, the last declared)."""
    by_code = {f"identity:{i.code}": i for i in IDENTITIES}
    return [
        (code, metric)
        for code, i in by_code.items()
        for metric in ((None,) if i.kind == "columns" else dict.fromkeys(i.left + i.right))
    ]


def _directory_inputs(con: duckdb.DuckDBPyConnection) -> None:
    """The gazetteer's region paths and the stored directory entries, which cleaned_layer.sql reads."""
    con.execute(sql_text("directory_tables"))
    regions = [region for (region,) in con.execute(sql_text("stored_regions")).fetchall()]
    paths = gazetteer.region_paths(regions)
    insert_rows(con, "region_paths_fill", paths, ("region", "path"))
    # A database written before the directory existed has no entries yet.
    if con.execute(sql_text("raw_has_table"), {"table_name": "agency_directory"}).fetchone()[0]:
        con.execute(sql_text("copy_directory_entries"))
