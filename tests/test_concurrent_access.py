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


def _two_report_folders(tmp_path: Path) -> tuple[Path, Path]:
    """A database of one report, and a second report ready to be ingested into it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "a.txt")
    ingest_paths([folder], tmp_path / "ogi.duckdb", workers=1)
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "standard" / "pipe_rows_std2021.txt", later / "b.txt")
    return folder, later


def _reports_in_use(db: Path) -> int:
    """Reports in the snapshot the pages read now."""
    from metrics.dashboard import data

    with data._snapshot(str(db), data.version()).cursor() as cur:
        return cur.execute("SELECT count(*) FROM raw.reports").fetchone()[0]


def _loading_notes(at) -> list[str]:
    from metrics import ui_text

    note = ui_text.text("zh", "snapshot_loading")
    return [info.value for info in at.sidebar.info if info.value == note]


def test_pages_go_on_with_the_older_snapshot_while_a_slow_new_one_builds_then_show_the_new_one(
    tmp_path, monkeypatch
):
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    _, later = _two_report_folders(tmp_path)
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception and not _loading_notes(at)
    assert _reports_in_use(db) == 1

    release = __import__("threading").Event()
    real_open = queries.open_snapshot
    monkeypatch.setattr(queries, "open_snapshot", lambda path: release.wait(60) and real_open(path))
    monkeypatch.setattr(data, "FRESH_WAIT_SECONDS", 0.2)
    ingest_paths([later], db, workers=1)
    started = time.monotonic()
    at.run()
    assert time.monotonic() - started < 30  # not held until the build is let go
    assert not at.exception and _loading_notes(at)
    older = data.version()
    assert older != data.store.db_version(db) and _reports_in_use(db) == 1

    release.set()
    data._SNAPSHOTS.building[str(db)].thread.join(60)
    at.run()
    assert not at.exception and not _loading_notes(at)
    assert data.version() == data.store.db_version(db) != older
    assert _reports_in_use(db) == 2


def test_a_new_snapshot_built_within_the_wait_is_shown_on_the_next_run(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    _, later = _two_report_folders(tmp_path)
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    ingest_paths([later], db, workers=1)
    monkeypatch.setattr(
        data, "FRESH_WAIT_SECONDS", 60
    )  # a loaded machine must not turn this into the slow case
    at.run()
    assert not at.exception and not _loading_notes(at)
    assert data.version() == data.store.db_version(db)


def test_a_snapshot_finished_during_a_run_does_not_cut_that_run_short(tmp_path, monkeypatch):
    # The sidebar sees the older snapshot, and by the time its note is drawn the new one is in: the
    # note is said for this run, and only its own later timed runs start the app again.
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    _two_report_folders(tmp_path)
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    answers = iter([True])
    monkeypatch.setattr(data, "showing_older", lambda: next(answers, False))
    at.run()
    assert not at.exception and _loading_notes(at)


def test_results_asked_before_an_ingest_are_ready_on_the_new_snapshot_before_it_is_shown(
    tmp_path, monkeypatch
):
    # Without this, every session's first run after every ingest batch computes its page afresh, all
    # of them at once; with it, the run after the swap asks the database nothing it asked before.
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    _two_report_folders(tmp_path)
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    # Another agency's report of the same year, so the filters' defaults (the years held) stay as they were.
    (tmp_path / "same_year.txt").write_text(FIXTURE.read_text("utf-8").replace("石桥县", "柳河县"), "utf-8")
    ingest_paths([tmp_path / "same_year.txt"], db, workers=1)
    monkeypatch.setattr(data, "FRESH_WAIT_SECONDS", 0)
    data.version()  # the next run's first question starts the build; here the test waits for it
    data._SNAPSHOTS.building[str(db)].thread.join(60)
    asked = []
    real_run = queries.run
    monkeypatch.setattr(
        queries, "run", lambda con, name, params: asked.append((name, params)) or real_run(con, name, params)
    )
    at.run()
    assert not at.exception and not _loading_notes(at)
    assert _reports_in_use(db) == 2
    assert asked == []


def test_the_upload_page_lists_what_it_stored_however_long_the_new_snapshot_takes(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    _two_report_folders(tmp_path)
    monkeypatch.setenv("OGI_DB", str(db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    real_open = queries.open_snapshot
    monkeypatch.setattr(queries, "open_snapshot", lambda path: time.sleep(1) or real_open(path))
    monkeypatch.setattr(data, "FRESH_WAIT_SECONDS", 0)
    at.switch_page("pages/upload.py").run()
    upload = (ROOT / "tests" / "fixtures" / "standard" / "pipe_rows_std2021.txt").read_bytes()
    at.file_uploader(key="upload_files").set_value([("new.txt", upload, "text/plain")])
    at.button[0].click().run()
    assert not at.exception
    listed = at.dataframe[-1].value
    assert len(listed) == 1 and listed.iloc[0].notna().all()
