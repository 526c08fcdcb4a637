"""Dashboard speed at 10,000 reports (a benchmark that prints figures, not a test).

usage: python scripts/benchmark_dashboard.py [--reports 10000] [--db FILE] [--repeat 3]

Targets: the first render of each page within 1.5 s, a filter change within 0.5 s. Each page is
timed twice over: on the server alone (Streamlit's AppTest running app.py) and in a real headless
Chromium against `streamlit run app.py`. Every timed run asks the database something it has not
cached yet, so the figures are what a user waits for, not a cache hit. A page is marked OVER
when its slowest run misses the target.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import duckdb

from metrics import queries, ui_text
from metrics.bench import environment, navigation_mode_as_on_a_server, timed_run
from metrics.dashboard.registry import PAGES, PageSpec
from metrics.demo import generate_bulk
from metrics.ingest import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
FIRST_RENDER_TARGET = 1.5
FILTER_CHANGE_TARGET = 0.5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANG = "zh"


# --- the database -----------------------------------------------------------------------------


def build_database(db: Path, n_reports: int) -> None:
    """Generated reports through the real pipeline: files on disk, then the parallel ingest."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        t = time.perf_counter()
        generate_bulk(corpus, n_reports)
        print(f"{n_reports} reports generated in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        summary = ingest_paths([corpus], db)
        secs = time.perf_counter() - t
    print(
        f"ingest: {secs:.1f} s, {n_reports / secs:.1f} reports/s on {os.cpu_count()} cores; "
        f"files by status {dict(summary.by_status)}"
    )


def report_count(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM reports").fetchone()[0]
    finally:
        con.close()


def snapshot_years(db: Path) -> tuple[int, int]:
    """The first and last report year, from a snapshot opened as the dashboard opens it (timed)."""
    t = time.perf_counter()
    con = queries.open_snapshot(db)
    try:
        print(
            f"snapshot (cleaned layer) built in {time.perf_counter() - t:.2f} s — once per database version"
        )
        years = queries.filter_options(con).years
    finally:
        con.close()
    return years[0], years[-1]


# --- reporting --------------------------------------------------------------------------------


def verdict(seconds: float, target: float) -> str:
    return "OK" if seconds <= target else "OVER"


def print_table(title: str, rows: dict[str, tuple[list[float], list[float]]]) -> None:
    print(f"\n{title}")
    print(f"  {'page':10s} {'first render median / max':>30s}   {'filter change median / max':>30s}")
    for key, (first, change) in rows.items():
        print(
            f"  {key:10s} {cell(first, FIRST_RENDER_TARGET):>30s}   {cell(change, FILTER_CHANGE_TARGET):>30s}"
        )


def cell(times: list[float], target: float) -> str:
    worst = max(times)
    return f"{statistics.median(times):.2f} / {worst:.2f} s  {verdict(worst, target):4s}"


# --- server side: AppTest ---------------------------------------------------------------------


def server_timings(page: PageSpec, narrowed: tuple[int, int]) -> tuple[float, float]:
    """(first render, filter change) of one page on a server that holds the snapshot but no results."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120)
    at.run()  # AppTest can switch pages only after a first run
    st.cache_data.clear()
    first = timed_run(at.switch_page(page.path))
    at.slider(key="years").set_value(narrowed)
    return first, timed_run(at)


def server_benchmark(db: Path, span: tuple[int, int], repeat: int) -> None:
    # Outside `streamlit run`, Streamlit warns about its missing runtime at every cache call.
    logging.disable(logging.WARNING)
    navigation_mode_as_on_a_server()
    narrowed = (max(span[0], span[1] - 2), span[1])
    rows = {}
    with environment(OGI_DB=str(db), OGI_UPLOADS=tempfile.mkdtemp(prefix="ogi-uploads-")):
        for page in PAGES:
            runs = [server_timings(page, narrowed) for _ in range(repeat)]
            rows[page.key] = ([r[0] for r in runs], [r[1] for r in runs])
    print_table(
        f"server (AppTest), {repeat} runs each; filter change = years narrowed to {narrowed[0]}–{narrowed[1]}",
        rows,
    )


# --- browser: headless Chromium against `streamlit run` ---------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(db: Path):
    port = free_port()
    env = os.environ | {"OGI_DB": str(db), "OGI_UPLOADS": tempfile.mkdtemp(prefix="ogi-uploads-")}
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_healthy(f"http://127.0.0.1:{port}", proc, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def wait_until_healthy(base: str, proc: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(f"streamlit did not start:\n{log.read()}") from None
            time.sleep(0.3)


class RunWatcher:
    """Notes when the server reports a script run finished, read off the page's websocket.

    The page's own "running" indicator shows only after half a second, so a fast run would never
    show it; the server's script_finished message marks the end of every run.
    """

    def __init__(self, page):
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._msg = ForwardMsg
        self.finished_at = 0.0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        if isinstance(payload, str):
            return
        msg = self._msg()
        msg.ParseFromString(payload)
        if (
            msg.WhichOneof("type") == "script_finished"
            and msg.script_finished == self._msg.FINISHED_SUCCESSFULLY
        ):
            self.finished_at = time.perf_counter()


# The page is drawn when its title is up and no element is left over (stale) from the run before.
DRAWN = """title => !document.querySelector('[data-stale="true"], [data-testid=stSkeleton]')
    && [...document.querySelectorAll('h1')].some(h => h.textContent.includes(title))"""


def wait_drawn(page, watcher: RunWatcher, started: float, title: str) -> float:
    """Seconds from `started` until the run that followed finished and the page shows its result."""
    deadline = started + 60
    while watcher.finished_at < started:
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no script run finished on {page.url}")
        page.wait_for_timeout(10)
    page.wait_for_function(DRAWN, arg=title, polling="raf", timeout=60000)
    if page.locator("[data-testid=stException]").count():
        raise RuntimeError(f"an exception is shown on {page.url}")
    return time.perf_counter() - started


def pick_region(page, index: int) -> float:
    """Choose the index-th region in the sidebar as a user would; returns the moment of the click."""
    sidebar = page.locator("[data-testid=stSidebar]")
    sidebar.locator("[data-testid=stMultiSelect]").filter(has_text=ui_text.text(LANG, "f_region")).click()
    return click(page, page.get_by_role("option").nth(index))


def click(page, target) -> float:
    """Click the element with the mouse at once; returns the moment of the click.

    Playwright's own click first waits for the element to be still and clickable, which would
    count its checks as the user's wait.
    """
    target.wait_for()
    box = target.bounding_box()
    started = time.perf_counter()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    return started


def page_url(spec: PageSpec) -> str:
    # Streamlit serves the default (first) page at the root URL, whatever its url_path says.
    return "" if spec == PAGES[0] else spec.url_path


def open_by_url(page, watcher: RunWatcher, base: str, spec: PageSpec, years: tuple[int, int]) -> float:
    """Seconds to load a page from its URL: a new session, so the browser boots the app too."""
    started = time.perf_counter()
    page.goto(f"{base}/{page_url(spec)}?years={years[0]}&years={years[1]}")
    return wait_drawn(page, watcher, started, title_of(spec))


def open_from_menu(page, watcher: RunWatcher, base: str, spec: PageSpec, years: tuple[int, int]) -> float:
    """Seconds from a click on the page's entry in the sidebar menu, coming from another page."""
    start = PAGES[0] if spec == PAGES[-1] else PAGES[-1]
    open_by_url(page, watcher, base, start, years)
    link = page.locator("[data-testid=stSidebarNav] a").filter(has_text=title_of(spec))
    started = click(page, link)
    return wait_drawn(page, watcher, started, title_of(spec))


def title_of(spec: PageSpec) -> str:
    return ui_text.text(LANG, f"page_{spec.key}")


def browser_timings(
    page, watcher: RunWatcher, base: str, spec: PageSpec, first_year: int, last_year: int, run: int
) -> tuple[float, float, float]:
    """(first render from the menu, filter change, first render from the URL). Each run asks for a
    year range and a region no earlier run asked for, so the server computes every result afresh."""
    from_menu = open_from_menu(page, watcher, base, spec, (first_year + run, last_year - 1))
    page.keyboard.press("Escape")
    from_url = open_by_url(page, watcher, base, spec, (first_year + run, last_year))
    change = wait_drawn(page, watcher, pick_region(page, run), title_of(spec))
    page.keyboard.press("Escape")
    return from_menu, change, from_url


def browser_benchmark(db: Path, span: tuple[int, int], repeat: int) -> None:
    if not Path(CHROMIUM).exists():
        print(
            f"\nbrowser: skipped, {CHROMIUM} is not installed (apt-get install chromium); no browser is downloaded"
        )
        return
    from playwright.sync_api import sync_playwright

    with streamlit_server(db) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        watcher = RunWatcher(page)
        warm = open_by_url(page, watcher, base, PAGES[0], (span[1], span[1]))
        print(
            f"\nbrowser: the server's first page view took {warm:.2f} s (the browser's cold start, "
            "the snapshot and its cleaned layer)"
        )
        rows, by_url = {}, {}
        for spec in PAGES:
            runs = [browser_timings(page, watcher, base, spec, span[0], span[1], i) for i in range(repeat)]
            rows[spec.key] = ([r[0] for r in runs], [r[1] for r in runs])
            by_url[spec.key] = [r[2] for r in runs]
        browser.close()
    print_table(
        f"browser (headless Chromium), {repeat} runs each; first render = page chosen in the sidebar menu, "
        "filter change = one region picked",
        rows,
    )
    print("  opened by URL (a full page load: the browser starts the app and a new session), median / max:")
    for key, times in by_url.items():
        print(f"  {key:10s} {cell(times, FIRST_RENDER_TARGET):>30s}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--db", type=Path, help="reuse this database (built here first when it does not exist)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = a.db or Path(tmp) / "ogi.duckdb"
        if not db.exists():
            build_database(db, a.reports)
        print(f"database {db}: {report_count(db)} reports")
        span = snapshot_years(db)
        server_benchmark(db, span, a.repeat)
        browser_benchmark(db, span, a.repeat)


if __name__ == "__main__":
    main()
