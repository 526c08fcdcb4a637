"""The dashboard reads while `ogi ingest` writes, in another process: no lock error, old data until the
new snapshot is swapped in, then the new data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from metrics import queries
from metrics.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "ingest" / "std2021_good.txt"


def _report_count(db: Path) -> int:
    con = queries.open_snapshot(db)
    try:
        return con.execute("SELECT count(*) FROM raw.reports").fetchone()[0]
    finally:
        con.close()


def test_readers_never_meet_a_lock_while_another_process_ingests(tmp_path):
    db = tmp_path / "ogi.duckdb"
    ingest_paths([FIXTURE], db, workers=1)
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "data" / "demo", corpus)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "metrics",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--quiet",
            "--workers",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen: list[int] = []
    while writer.poll() is None:
        seen.append(_report_count(db))  # raises on any lock or I/O error
        time.sleep(0.05)
    assert writer.returncode in (0, 1), writer.stderr.read()
    seen.append(_report_count(db))
    assert seen[0] == 1 and len(seen) > 3
    assert (
        set(seen) == {1, seen[-1]} and seen[-1] > 600
    )  # the old snapshot, then the new one; nothing between
    assert seen == sorted(seen)


def test_an_unchanged_ingest_leaves_the_dashboards_cached_snapshot_and_results_in_use(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "ogi.duckdb"
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "a.txt")
    ingest_paths([folder], db, workers=1)
    opened = []
    monkeypatch.setattr(
        queries, "open_snapshot", lambda path, real=queries.open_snapshot: opened.append(path) or real(path)
    )
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception and len(opened) == 1
    ingest_paths([folder], db, workers=1)  # nothing changed
    at.run()
    assert not at.exception and len(opened) == 1  # the same snapshot and cached results
    shutil.copy(ROOT / "tests" / "fixtures" / "standard" / "pipe_rows_std2021.txt", folder / "b.txt")
    ingest_paths([folder], db, workers=1)  # a new report: a new snapshot
    at.run()
    assert not at.exception and len(opened) == 2
