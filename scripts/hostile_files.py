"""Build a set of hostile files, ingest them with `ogi ingest` into a temporary database and print,
for every file, its status, reason, seconds and the peak memory of the worker that read it; then
the totals (files tried, files logged, none lost), an unchanged re-run, and a run on a full disk.

usage: python scripts/hostile_files.py [--keep DIR] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402 - lives in tests/, shared with the tests

GOOD = ROOT / "tests" / "fixtures" / "ingest" / "std2021_good.txt"


def build(folder: Path) -> int:
    """Write the hostile set into `folder`; returns how many file entries it holds."""
    folder.mkdir(parents=True)
    files = {
        "good.txt": GOOD.read_bytes(),
        "docx_gridspan_1e9.docx": hostile.docx_huge_span("gridSpan"),
        "docx_gridbefore_1e9.docx": hostile.docx_huge_span("gridBefore"),
        "docx_zip_bomb_1500mb.docx": hostile.docx_zip_bomb(1500),
        "docx_truncated.docx": hostile.docx_huge_span()[:500],
        "html_rowspan_colspan_200.html": hostile.html_span_table(),
        "html_nested_300.html": hostile.html_deep(300),
        "html_nested_3000.html": hostile.html_deep(3000),
        "pdf_ruled_lines.pdf": hostile.pdf_ruled(200_000),
        "text_39mb.txt": GOOD.read_bytes() * (39 * 2**20 // GOOD.stat().st_size),
        "random_bytes.txt": os.urandom(4096),
        "empty.txt": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(hostile.gbk_name(folder), "wb") as f:
        f.write(GOOD.read_bytes() + "\n（另一份）\n".encode())  # not a duplicate of good.txt
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "dev_zero.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink(GOOD, folder / "link_outside.txt")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "back_up")  # a folder loop: no file of its own
    return len(files) + 5


def ingest(
    folder: Path, db: Path, workers: int, limit_file_size: int | None = None
) -> subprocess.CompletedProcess:
    def preexec() -> None:
        if limit_file_size is not None:
            # Files cannot grow beyond this: what a full disk looks like to the writer.
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    command = [sys.executable, "-m", "metrics", "ingest", str(folder), "--db", str(db), "--quiet", "--json"]
    return subprocess.run(
        [*command, "--workers", str(workers)], capture_output=True, text=True, preexec_fn=preexec, check=False
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="build the files and the database here and keep them")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or Path(tmp)
        folder, db = work / "hostile", work / "ogi.duckdb"
        tried = build(folder)
        run = ingest(folder, db, a.workers)
        rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
        print(f"{'file':34} {'status':12} {'seconds':>8} {'peak MB':>8}  reason")
        for r in sorted(rows, key=lambda r: r["file"]):
            print(
                f"{Path(r['file']).name:34} {r['status']:12} {r['seconds']:8.2f} {r['peak_rss_mb'] or '-':>8}  {r['reason'][:110]}"
            )
        statuses: dict[str, int] = {}
        for r in rows:
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
        worst = max(rows, key=lambda r: r["peak_rss_mb"])
        slowest = max(rows, key=lambda r: r["seconds"])
        print(
            f"\nfiles tried {tried}, logged {len(rows)}, lost {tried - len(rows)}; exit status {run.returncode}; "
            f"{', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}"
        )
        print(f"worst peak memory {worst['peak_rss_mb']:.0f} MB ({Path(worst['file']).name})")
        print(f"slowest {slowest['seconds']:.1f} s ({Path(slowest['file']).name})")

        before = db.stat()
        again = ingest(folder / "good.txt", db, a.workers)
        untouched = (db.stat().st_ino, db.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
        print(
            f"\nre-run of the unchanged good.txt: exit status {again.returncode}; "
            f"database file {'untouched' if untouched else 'REWRITTEN'}"
        )

        grown = work / "grow"
        grown.mkdir()
        shutil.copy(GOOD, grown / "new.txt")
        snapshot = db.read_bytes()
        full = ingest(grown, db, a.workers, limit_file_size=db.stat().st_size + 4096)
        leftovers = [p.name for p in work.iterdir() if ".writing" in p.name]
        print(
            f"\nfull disk: exit status {full.returncode}; message: {full.stderr.strip().splitlines()[-1:]}; "
            f"database {'unchanged' if db.read_bytes() == snapshot else 'CHANGED'}; leftovers {leftovers}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
