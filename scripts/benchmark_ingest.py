"""Ingest speed and memory on generated reports (a benchmark that prints figures, not a test).

usage: python scripts/benchmark_ingest.py [--reports 1000] [--scales 1,2,4] [--workers N]
       python scripts/benchmark_ingest.py --pages DIR [--copies 750] [--workers N]
       python scripts/benchmark_ingest.py --pages DIR --steps

Prints reports per second with one worker and with all cores (the parallel speed-up), and the
peak memory of the writer and of a worker at growing corpus sizes (it should stay flat).

With --pages, ingests copies of the report pages in DIR instead (real pages are ten to twenty times
the size of generated ones, with the tables' real markup), each copy made distinct by a comment at
its end so that every one is read and stored. Besides reports per second, it prints the CPU time a
page costs the workers and the writer: on a machine shared with other work these say what one core
does, where the wall clock says how busy the machine was.

With --steps, it prints instead what each step of a worker costs a page, in one process: the HTML
reader's own steps (decoding, libxml2's parse, the page's text, its tables laid out on grids), then
the metadata, the layout's detection, the extraction of figures, and the whole of a file's work. The
reader's steps are what any extraction pays before its first rule runs.
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
from metrics.extract import extract_document
from metrics.extract.detect import detect_format
from metrics.extract.metadata import read_metadata
from metrics.ingest import process_for_storing
from metrics.readers import read_document
from metrics.readers.encoding import decode
from metrics.readers.html import parse_markup, tables_of, visible_text


def run_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, int, int]:
    """(seconds, peak RSS of the ingest process in MB, peak RSS of its largest worker in MB)."""
    seconds, rss, worker_rss, _, _ = timed_ingest(corpus, db, workers)
    return seconds, rss, worker_rss


def timed_ingest(corpus: Path, db: Path, workers: int) -> tuple[float, int, int, float, float]:
    """run_ingest's figures, and the CPU seconds of the ingest process (the writer) and of its
    workers, counted from the start of the ingest (imports left out)."""
    code = (
        "import os, resource, sys, time\n"
        "from pathlib import Path\n"
        "from metrics.ingest import ingest_paths\n"
        "t, cpu = time.perf_counter(), os.times()\n"
        f"s = ingest_paths([{str(corpus)!r}], Path({str(db)!r}), workers={workers})\n"
        "dt, end = time.perf_counter() - t, os.times()\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024\n"
        "writer = end.user + end.system - cpu.user - cpu.system\n"
        "workers = end.children_user + end.children_system - cpu.children_user - cpu.children_system\n"
        "print(dt, me, kids, writer, workers, dict(s.by_status))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2]), float(out[3]), float(out[4])


def copy_pages(pages: Path, out: Path, copies: int) -> int:
    """`copies` files cycling through the web pages in `pages`, each distinct; how many were made."""
    sources = web_pages(pages)
    out.mkdir(parents=True)
    for n in range(copies):
        source = sources[n % len(sources)]
        (out / f"{n:06d}{source.suffix}").write_bytes(source.read_bytes() + f"\n<!-- copy {n} -->\n".encode())
    return copies


def bench_pages(pages: Path, copies: int, workers: int, tmp: Path) -> None:
    corpus = tmp / "pages"
    n = copy_pages(pages, corpus, copies)
    print(
        f"cores: {os.cpu_count()}; {n} copies of the pages in {pages}; load average {os.getloadavg()[0]:.1f}"
    )
    one = None
    for w in dict.fromkeys((1, workers)):
        seconds, _, _, writer, reading = timed_ingest(corpus, tmp / f"{w}.duckdb", w)
        one = one or seconds
        print(
            f"{w} worker(s): {n / seconds:6.1f} reports/s (speed-up {one / seconds:.2f}x); CPU per page: "
            f"workers {1000 * reading / n:.1f} ms ({n / reading:.0f} pages per CPU second), "
            f"writer {1000 * writer / n:.1f} ms"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


def web_pages(folder: Path) -> list[Path]:
    pages = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".html", ".htm", ".shtml"))
    if not pages:
        sys.exit(f"no web pages in {folder}")
    return pages


def bench_steps(folder: Path, repeat: int = 20) -> None:
    """CPU milliseconds a page costs at each step, the mean over `repeat` passes over the pages."""
    pages = web_pages(folder)
    data = [p.read_bytes() for p in pages]
    texts = [decode(d, None)[0] for d in data]
    roots = [parse_markup(t) for t in texts]
    docs = [read_document(p) for p in pages]
    metas = [read_metadata(d) for d in docs]
    steps = {
        "decode": lambda: [decode(d, None) for d in data],
        "parse (libxml2)": lambda: [parse_markup(t) for t in texts],
        "page text": lambda: [visible_text(r) for r in roots],
        "tables on grids": lambda: [tables_of(r) for r in roots],
        "whole reader": lambda: [read_document(p) for p in pages],
        "metadata": lambda: [read_metadata(d) for d in docs],
        "layout": lambda: [detect_format(d, m.year) for d, m in zip(docs, metas, strict=True)],
        "extraction (all)": lambda: [extract_document(d) for d in docs],
        "a file's whole work": lambda: [process_for_storing(str(p)) for p in pages],
    }
    print(f"{len(pages)} pages in {folder}, {sum(map(len, data)) // len(data) // 1024} KB each on average")
    for name, run in steps.items():
        run()  # caches warm, as in a worker after its first files
        start = time.process_time()
        for _ in range(repeat):
            run()
        ms = 1000 * (time.process_time() - start) / repeat / len(pages)
        print(f"  {name:20s} {ms:6.2f} ms a page ({1000 / ms:6.0f} pages per CPU second)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument(
        "--scales", default="1,2,4", help="corpus sizes as multiples of --reports for the memory check"
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--pages", type=Path, help="time copies of the web pages in this folder instead")
    ap.add_argument("--copies", type=int, default=750, help="how many copies of --pages to ingest")
    ap.add_argument("--steps", action="store_true", help="with --pages: what each step costs a page")
    a = ap.parse_args()
    if a.pages and a.steps:
        bench_steps(a.pages)
        return
    if a.pages:
        with tempfile.TemporaryDirectory() as tmp:
            bench_pages(a.pages, a.copies, a.workers, Path(tmp))
        return
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
