"""Ingest speed and memory on generated reports (a benchmark that prints figures, not a test).

usage: python scripts/benchmark_ingest.py [--reports 1000] [--scales 1,2,4] [--workers N]

Prints reports per second with one worker and with all cores (the parallel speed-up), and the
peak memory of the writer and of a worker at growing corpus sizes (it should stay flat).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from metrics.demo import generate_bulk


def run_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, int, int]:
    """(seconds, peak RSS of the ingest process in MB, peak RSS of its largest worker in MB)."""
    code = (
        "import resource, sys, time\n"
        "from pathlib import Path\n"
        "from metrics.ingest import ingest_paths\n"
        "t = time.perf_counter()\n"
        f"s = ingest_paths([{str(corpus)!r}], Path({str(db)!r}), workers={workers})\n"
        "dt = time.perf_counter() - t\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
        "print(dt, me, kids, dict(s.by_status))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument(
        "--scales", default="1,2,4", help="corpus sizes as multiples of --reports for the memory check"
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    scales = [int(x) for x in a.scales.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print(f"cores: {os.cpu_count()}; generating up to {a.reports * max(scales)} txt/HTML reports …")
        corpora = {}
        for scale in scales:
            t = time.perf_counter()
            corpora[scale] = tmp / f"corpus{scale}"
            generate_bulk(corpora[scale], a.reports * scale, seed=scale)
            print(f"  {a.reports * scale} reports generated in {time.perf_counter() - t:.1f} s")

        base = corpora[scales[0]]
        n = a.reports * scales[0]
        one, rss1, _ = run_ingest(base, tmp / "one.duckdb", 1)
        many, rss_many, worker_rss = run_ingest(base, tmp / "many.duckdb", a.workers)
        print(f"\n1 worker : {n / one:7.1f} reports/s ({one:.1f} s for {n}); peak memory {rss1} MB")
        print(
            f"{a.workers} workers: {n / many:7.1f} reports/s ({many:.1f} s); speed-up {one / many:.2f}x "
            f"on {a.workers} cores; writer peak {rss_many} MB, worker peak {worker_rss} MB"
        )

        print("\nmemory as the corpus grows (all cores):")
        for scale in scales:
            n = a.reports * scale
            secs, rss, worker = run_ingest(corpora[scale], tmp / f"grow{scale}.duckdb", a.workers)
            print(
                f"  {n:6d} reports: {n / secs:7.1f} reports/s; writer peak {rss} MB, worker peak {worker} MB"
            )
    print(f"\nbenchmark process peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
