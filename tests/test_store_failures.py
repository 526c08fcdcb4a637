"""When the database cannot be written or read, the run ends in one line naming the cause (exit 2),
the old database stays as it was and no copy is left behind; writers that died leave nothing for
long, and one that waits for another says for whom, and not for ever."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from metrics import store
from metrics.cli import main
from metrics.ingest import ingest_paths
from metrics.store import StoreError, open_for_writing

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
GOOD = FIXTURES / "std2021_good.txt"
ROOT = Path(__file__).resolve().parents[1]


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "ogi.duckdb"
    ingest_paths([GOOD], db, workers=1)
    return db


def _leftovers(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if ".writing" in p.name)


def _disk_full_while_copying(monkeypatch):
    def copy(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store.shutil, "copyfile", copy)


def _disk_full_while_writing(monkeypatch):
    def write(self, attempts):
        self.con.execute("CREATE TABLE half_written AS SELECT 1")  # something to roll back
        raise duckdb.IOException('Could not write file "ogi.duckdb.wal": No space left on device')

    monkeypatch.setattr(store.Writer, "_write_in_one_transaction", write)


@pytest.mark.parametrize("disk_full", [_disk_full_while_copying, _disk_full_while_writing])
def test_a_full_disk_ends_the_run_in_one_line_and_leaves_the_old_database_and_no_copy(
    tmp_path, monkeypatch, disk_full
):
    db = _database(tmp_path)
    before = db.read_bytes()
    other = tmp_path / "other.txt"
    other.write_text(GOOD.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    disk_full(monkeypatch)
    result = CliRunner().invoke(main, ["ingest", str(other), "--db", str(db), "--workers", "1", "--quiet"])
    assert result.exit_code == 2
    message = result.output.strip()
    assert "\n" not in message and "No space left on device" in message and str(db) in message
    assert "Traceback" not in message
    assert db.read_bytes() == before
    assert _leftovers(db) == []


def test_copies_left_by_dead_writers_are_removed_by_the_next_writer(tmp_path):
    db = _database(tmp_path)
    for leftover in (f".{db.name}.99999.writing", f".{db.name}.99999.writing.wal"):
        (tmp_path / leftover).write_bytes(b"x" * 1024)
    ingest_paths([GOOD], db, workers=1)
    assert _leftovers(db) == []


def test_a_writer_that_must_wait_says_who_holds_the_database_and_gives_up_after_its_timeout(tmp_path):
    db = _database(tmp_path)
    holding, release = threading.Event(), threading.Event()

    def hold():
        with open_for_writing(db):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(10)
    heard: list[str] = []
    started = time.monotonic()
    try:
        with pytest.raises(
            StoreError, match=f"being written by process {os.getpid()} .*gave up waiting after 0.5 s"
        ):
            with open_for_writing(db, wait=0.5, waiting=heard.append):
                pass
    finally:
        release.set()
        holder.join()
    assert time.monotonic() - started < 3
    assert len(heard) == 1 and f"waiting for process {os.getpid()}" in heard[0]


def test_a_damaged_database_gives_one_line_not_a_traceback(tmp_path):
    db = tmp_path / "ogi.duckdb"
    db.write_bytes(b"this is not a database" * 1000)
    runner = CliRunner()
    for command in (["status"], ["files"], ["ingest", str(GOOD), "--quiet", "--workers", "1"]):
        result = runner.invoke(main, [*command, "--db", str(db)])
        assert result.exit_code == 2, command
        assert result.output.startswith("ogi: ") and result.output.count("\n") == 1, result.output
    assert _leftovers(db) == []


def test_an_ingest_that_changes_nothing_leaves_the_database_file_untouched(tmp_path):
    db = _database(tmp_path)
    before = db.stat()
    summary = ingest_paths([GOOD], db, workers=1)
    after = db.stat()
    assert dict(summary.by_status) == {"unchanged": 1}
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_stopped_ingest_leaves_no_copy_of_the_database(tmp_path):
    db = _database(tmp_path)
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
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not _leftovers(db) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # well into the run
    writer.send_signal(signal.SIGTERM)
    assert writer.wait(30) == 128 + signal.SIGTERM
    assert _leftovers(db) == []
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
