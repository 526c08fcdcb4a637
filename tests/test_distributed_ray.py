"""`ogi extract-ray`: extraction on Ray (here a local Ray of two cores) writes the same rows, in the
same Parquet tree, as `ogi ingest` followed by `ogi export --format parquet`."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from metrics import queries
from metrics.cli import main

pytest.importorskip("ray", reason="Ray is not installed: pip install -e '.[ray]' (the test extra has it)")

FIXTURES = Path(__file__).parent / "fixtures"
# Of each table, the columns that differ by when the rows were written, not by what was read.
WRITTEN_AT = {"reports": "ingested_at", "ingest_log": "attempted_at"}
PARTITIONED = ("reports", "facts", "flags")


@pytest.fixture(scope="module")
def trees(tmp_path_factory):
    """Reports of every kind the fixtures hold (standard and legacy, HTML and text, GBK, a file that
    is no report), a copy of one, and files ingest logs without reading (empty, of a type it does not
    read, hidden, a link out of the inputs), as the tree of ingest + export and the tree of Ray."""
    work = tmp_path_factory.mktemp("ray")
    inputs = work / "reports"
    for kind in ("standard", "legacy", "ingest"):
        shutil.copytree(FIXTURES / kind, inputs / kind)
    shutil.copyfile(inputs / "ingest" / "std2021_good.txt", inputs / "ingest" / "std2021_good_copy.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "report.ppt").write_bytes(b"PPT")
    (inputs / ".hidden.txt").write_text("skipped by both")
    (inputs / "outside.txt").symlink_to(FIXTURES / "standard" / "pipe_rows_std2021.txt")
    runner = CliRunner()
    db = work / "ogi.duckdb"
    # One worker: ingest meets the copies in path order, the order Ray's run keeps the first of.
    for args in (
        ["ingest", "--quiet", "--workers", "1", "--db", str(db), str(inputs)],
        ["export", "--db", str(db), "--format", "parquet", str(work / "exported")],
        ["extract-ray", str(inputs), "--out", str(work / "on_ray"), "--cpus", "2"],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code in (0, 1), result.output  # 1: some files are no reports, as meant
    return work / "exported", work / "on_ray"


def _rows(tree: Path, table: str) -> set[tuple]:
    """The table's rows in the tree, the partition's year among them, without its write times."""
    source = (
        f"read_parquet('{tree}/{table}/*/*.parquet', hive_partitioning = true, hive_types = {{'year': INTEGER}})"
        if table in PARTITIONED
        else f"read_parquet('{tree}/{table}.parquet')"
    )
    excluded = f"EXCLUDE ({WRITTEN_AT[table]})" if table in WRITTEN_AT else ""
    return set(duckdb.sql(f"SELECT * {excluded} FROM {source}").fetchall())


@pytest.mark.parametrize("table", ["reports", "facts", "flags", "ingest_log"])
def test_ray_extraction_writes_the_rows_of_ingest_and_export(trees, table):
    exported, on_ray = trees
    rows = _rows(exported, table)
    assert rows, f"the fixtures gave no {table} rows to compare"
    assert _rows(on_ray, table) == rows


def test_ray_extraction_logs_a_copy_as_ingest_does(trees):
    _, on_ray = trees
    [(status, reason)] = duckdb.sql(
        f"SELECT status, reason FROM '{on_ray}/ingest_log.parquet' WHERE file_path LIKE '%std2021_good_copy.txt'"
    ).fetchall()
    assert status == "duplicate" and reason.endswith("std2021_good.txt, already ingested")


def test_ray_extraction_logs_files_it_does_not_read_as_ingest_does(trees):
    _, on_ray = trees
    logged = dict(
        duckdb.sql(
            f"SELECT regexp_extract(file_path, '[^/]+$'), status FROM '{on_ray}/ingest_log.parquet'"
        ).fetchall()
    )
    assert (logged["empty.txt"], logged["report.ppt"], logged["outside.txt"]) == (
        "failed",
        "unsupported",
        "unsupported",
    )
    assert ".hidden.txt" not in logged


def test_ray_tree_reads_as_the_dashboards_snapshot(trees):
    exported, on_ray = trees
    counts = "SELECT count(*), count(DISTINCT report_id) FROM report_figures"
    with queries.open_parquet_snapshot(exported) as a, queries.open_parquet_snapshot(on_ray) as b:
        assert b.execute(counts).fetchone() == a.execute(counts).fetchone()
