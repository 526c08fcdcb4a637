"""Nothing one file does stops a run: a reader killed, stuck or out of memory, a pipe or a device in
the folder, links that loop or lead out, a name in GBK bytes; each ends in the log with a reason."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from pathlib import Path

import duckdb
import hostile
import pytest
from click.testing import CliRunner

from metrics import ingest
from metrics.cli import main
from metrics.file_names import for_storage, from_storage, readable
from metrics.ingest import ingest_paths
from metrics.readers import ReadError, budgets, ocr

GOOD = Path(__file__).parent / "fixtures" / "ingest" / "std2021_good.txt"


@contextlib.contextmanager
def _finishes_within(seconds: float):
    """Fail instead of hanging the suite when a run waits for ever."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _log(db: Path) -> dict[str, tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT file_path, status, reason FROM ingest_log").fetchall()
    return {Path(readable(p)).name: (s, r) for p, s, r in rows}


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in names:
        shutil.copy(GOOD, folder / name)
    return folder


def _misbehaving_reader(monkeypatch):
    """Readers that, by file name, kill their own process, never return or claim 1 GB."""
    real = ingest.read_document

    def read(path):
        name = Path(path).name
        if name.startswith("kill"):
            os.kill(os.getpid(), signal.SIGKILL)
        if name.startswith("hang"):
            time.sleep(60)
        if name.startswith("scan"):  # a long scanned report: OCR reports each page as it goes
            for _ in range(4):
                time.sleep(0.6)
                ocr.page_done()
        if name.startswith("hungry"):
            return bytearray(1 << 30)
        return real(path)

    monkeypatch.setattr(ingest, "read_document", read)


def test_a_worker_killed_mid_file_fails_that_file_and_the_run_goes_on(tmp_path, monkeypatch):
    _misbehaving_reader(monkeypatch)
    folder = _folder(tmp_path, "a.txt", "kill.txt", "z.txt")
    with open(folder / "z.txt", "a", encoding="utf-8") as z:
        z.write("\n（另一份文件）\n")  # other content: not a duplicate of a.txt
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        summary = ingest_paths([folder], db, workers=2)
    log = _log(db)
    assert log["kill.txt"][0] == "failed" and "killed (SIGKILL)" in log["kill.txt"][1]
    assert log["a.txt"][0] == "ok" and log["z.txt"][0] == "ok"
    assert summary.files == 3


@pytest.mark.parametrize("bad, why", [("kill.txt", "killed (SIGKILL)"), ("hang.txt", "longer than the 1 s")])
def test_files_sent_ahead_to_a_worker_that_dies_or_overruns_are_read_by_another(
    tmp_path, monkeypatch, bad, why
):
    _misbehaving_reader(monkeypatch)
    monkeypatch.setattr(budgets, "WORKER_SECONDS", 1)
    # One worker and more files than workers: the file after the bad one waits in its pipe.
    folder = _folder(tmp_path, bad, "m.txt", "n.txt", "z.txt")
    for name in ("n.txt", "z.txt"):
        with open(folder / name, "a", encoding="utf-8") as f:
            f.write(f"\n（{name}）\n")  # other content: not duplicates of m.txt
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        summary = ingest_paths([folder], db, workers=1)
    log = _log(db)
    assert log[bad][0] == "failed" and why in log[bad][1]
    assert {name: log[name][0] for name in ("m.txt", "n.txt", "z.txt")} == dict.fromkeys(
        ("m.txt", "n.txt", "z.txt"), "ok"
    )
    assert summary.files == 4


def test_a_file_that_overruns_its_time_is_stopped_and_the_run_goes_on(tmp_path, monkeypatch):
    _misbehaving_reader(monkeypatch)
    monkeypatch.setattr(budgets, "WORKER_SECONDS", 1)
    folder = _folder(tmp_path, "a.txt", "hang.txt")
    db = tmp_path / "ogi.duckdb"
    started = time.monotonic()
    with _finishes_within(30):
        ingest_paths([folder], db, workers=1)
    log = _log(db)
    assert log["hang.txt"][0] == "failed" and "longer than the 1 s" in log["hang.txt"][1]
    assert log["a.txt"][0] == "ok"
    assert time.monotonic() - started < 10


def test_each_page_ocrd_gives_its_file_more_time_so_a_long_scan_is_not_stopped(tmp_path, monkeypatch):
    _misbehaving_reader(monkeypatch)
    monkeypatch.setattr(budgets, "WORKER_SECONDS", 1)
    monkeypatch.setattr(budgets, "WORKER_SECONDS_PER_OCR_PAGE", 1)
    folder = _folder(tmp_path, "scan.txt", "hang.txt")
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        ingest_paths([folder], db, workers=1)
    log = _log(db)
    # 2.4 s of pages against 1 s, plus 1 s for each of the four pages done
    assert log["scan.txt"][0] == "ok"
    assert log["hang.txt"][0] == "failed" and "longer than the 1 s it may take" in log["hang.txt"][1]


def test_a_file_that_needs_more_memory_than_the_cap_fails_with_a_reason(tmp_path, monkeypatch):
    _misbehaving_reader(monkeypatch)
    monkeypatch.setattr(budgets, "WORKER_MEMORY_BYTES", 256 * budgets.MB)
    folder = _folder(tmp_path, "a.txt", "hungry.txt")
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        ingest_paths([folder], db, workers=1)
    log = _log(db)
    assert log["hungry.txt"][0] == "failed" and "256 MB of memory" in log["hungry.txt"][1]
    assert log["a.txt"][0] == "ok"


def test_files_are_never_parsed_in_the_process_that_ingests_them(tmp_path, monkeypatch):
    # The dashboard's upload page calls ingest_paths in its server process, with one worker.
    monkeypatch.setattr(
        ingest, "read_document", lambda path: (_ for _ in ()).throw(ReadError(f"pid {os.getpid()}"))
    )
    db = tmp_path / "ogi.duckdb"
    ingest_paths([_folder(tmp_path, "a.txt")], db, workers=1)
    assert _log(db)["a.txt"][1] != f"could not be read: pid {os.getpid()}"


def test_a_named_pipe_and_a_link_to_dev_zero_are_logged_unread_and_the_run_completes(tmp_path):
    folder = _folder(tmp_path, "a.txt")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        ingest_paths([folder], db, workers=1)
        log = _log(db)
        assert log["pipe.txt"] == (
            "unsupported",
            "it is a named pipe, not a regular file; only regular files are read",
        )
        assert log["zero.txt"][0] == "unsupported" and "outside the paths given" in log["zero.txt"][1]
        assert log["a.txt"][0] == "ok"
        # Named on the command line, they are still not opened.
        ingest_paths([folder / "pipe.txt", "/dev/zero"], db, workers=1)
    log = _log(db)
    assert log["zero"] == (
        "unsupported",
        "it is a character device, not a regular file; only regular files are read",
    )


def test_links_are_followed_inside_the_folders_once_and_loops_end(tmp_path):
    folder = _folder(tmp_path, "a.txt")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")  # a folder loop
    os.symlink("loop.txt", folder / "loop.txt")  # a link to itself
    os.symlink(folder / "a.txt", folder / "sub" / "alias.txt")  # inside: followed
    outside = tmp_path / "secret.txt"
    outside.write_text("not to be read", encoding="utf-8")
    os.symlink(outside, folder / "sub" / "secret.txt")
    db = tmp_path / "ogi.duckdb"
    with _finishes_within(30):
        summary = ingest_paths([folder], db, workers=1)
    log = _log(db)
    assert log["loop.txt"][0] == "failed"
    assert log["secret.txt"][0] == "unsupported" and "outside" in log["secret.txt"][1]
    assert log["a.txt"][0] == "ok"  # the alias leads to the same file: one entry
    assert summary.files == 4  # a.txt, alias.txt (a.txt again), loop.txt, secret.txt


def test_a_gbk_file_name_is_stored_losslessly_and_shown_readably(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    name = hostile.gbk_name(folder)
    with open(name, "wb") as f:
        f.write(GOOD.read_bytes())
    db = tmp_path / "ogi.duckdb"
    ingest_paths([folder], db, workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        (stored,) = con.execute("SELECT file_path FROM reports").fetchone()
    assert os.fsencode(from_storage(stored)) == os.path.realpath(name)
    assert stored == for_storage(os.fsdecode(os.path.realpath(name)))
    assert readable(stored).endswith("/报告.txt")
    result = CliRunner().invoke(main, ["files", "--db", str(db)])
    assert result.exit_code == 0 and "报告.txt" in result.output
