"""Load on the dashboard while an ingest runs (a measurement that prints figures, not a test).

usage: python scripts/load_dashboard.py [--sessions 20] [--seconds 60] [--reports 800] [--pause 0]
                                        [--driver browser|apptest]

Starts `ogi dashboard` on a temporary copy of the demo database, then drives N browser sessions
(headless Chromium, one browser context each) for the given time: each opens a page by its URL
with a year range, picks a region and a layout in the sidebar and moves to another page from the
menu, over and over. Meanwhile generated reports are ingested into the same database, one batch
after another, so the server swaps snapshots under the sessions. Prints every error seen (an
exception or error shown on a page, a browser error, a run that never finished) and the time of
each server run, from the browser's request (rerun_script on the websocket) to the server's
script_finished. Target: no error, p95 at most 1 s.

`--pause S` has each session wait a random 0.5×S to 1.5×S seconds after each run before it acts
again, as a person reading the page does. With no pause (the default) every session acts the moment
its run ends, so the server is always saturated and the figure measures its queue, not a user's
wait; both are worth printing.

`--driver apptest` runs the sessions as Streamlit AppTest instances in threads of this process
instead, on the same database while the same ingests run: each is a session of app.py sharing one
process's caches, as on the server, and each run is timed where it runs. On a machine of few cores
the browsers take the CPU the server needs (20 Chromium renderers on 2 cores), and the browser
driver then measures them more than the server; the AppTest driver measures the server's runs
alone, without Streamlit's websocket. AppTest fires no timed fragment, so this driver does what the
sidebar's loading note does in a browser: while a session reads a page that shows the note, it runs
the app again once the new snapshot is in; those runs are timed with the others and counted apart.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from metrics import ui_text
from metrics.dashboard.registry import PAGES
from metrics.demo import generate_bulk

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
LANG = "zh"
P95_TARGET = 1.0
YEARS = (2010, 2024)  # the demo corpus's
RUN_TIMEOUT = 60  # seconds a session waits for its run before counting an error


@dataclass
class Measures:
    runs: list[float] = field(default_factory=list)  # seconds per server run
    errors: Counter = field(default_factory=Counter)
    actions: int = 0
    note_runs: list[float] = field(default_factory=list)  # of those, the loading note's own (apptest)


class Session:
    """One browser session: times each run off its websocket and notes errors the server sends."""

    def __init__(self, page, measures: Measures):
        self.page = page
        self.measures = measures
        self.asked_at: float | None = None  # the pending rerun request
        self.finished_at = 0.0
        page.on("websocket", self._watch)
        page.on("pageerror", lambda error: measures.errors.update([f"browser: {error}"]))

    def _watch(self, ws) -> None:
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, str):
            return
        msg = BackMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "rerun_script" and self.asked_at is None:
            self.asked_at = time.perf_counter()

    def _received(self, payload) -> None:
        if isinstance(payload, str):
            return
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._note_error(msg.delta.new_element)
        elif kind == "script_finished" and msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
            self.finished_at = time.perf_counter()
            if self.asked_at is not None:
                self.measures.runs.append(self.finished_at - self.asked_at)
                self.asked_at = None

    def _note_error(self, element) -> None:
        if element.WhichOneof("type") == "exception":
            self.measures.errors.update([f"exception: {element.exception.message[:120]}"])
        elif element.WhichOneof("type") == "alert" and element.alert.format == Alert.ERROR:
            self.measures.errors.update([f"error shown: {element.alert.body[:120]}"])

    async def act(self, action) -> None:
        """Do what a user does and wait for the run it starts."""
        started = time.perf_counter()
        try:
            await action()
        except Exception as e:  # the page was not as expected: counted, and the session goes on
            self.measures.errors.update([f"session could not act: {type(e).__name__}"])
            return
        self.measures.actions += 1
        await self.run_done(started)

    async def run_done(self, since: float) -> None:
        deadline = since + RUN_TIMEOUT
        while self.finished_at < since:
            if time.perf_counter() > deadline:
                self.measures.errors.update([f"no run finished within {RUN_TIMEOUT} s"])
                self.asked_at = None
                return
            await asyncio.sleep(0.02)


def pause_for(pause: float, rng: random.Random) -> float:
    """Seconds a session reads the page before its next action."""
    return rng.uniform(0.5 * pause, 1.5 * pause) if pause else 0.0


async def drive(
    session: Session, base: str, years: tuple[int, int], until: float, rng: random.Random, pause: float
):
    """Open pages, pick filters, move between pages until `until`; every action waits for its run."""
    page = session.page
    while time.perf_counter() < until:
        spec = rng.choice(PAGES[:-1])  # Add reports has no filters to change
        url = "" if spec == PAGES[0] else spec.url_path
        for action in (
            functools.partial(page.goto, f"{base}/{url}?years={rng.randint(*years)}&years={years[1]}"),
            functools.partial(pick, page, "f_region", rng),
            functools.partial(open_from_menu, page, rng),
            functools.partial(pick, page, "f_format", rng),
        ):
            if time.perf_counter() >= until:
                return
            await session.act(action)
            await asyncio.sleep(pause_for(pause, rng))


async def open_from_menu(page, rng: random.Random) -> None:
    await page.locator("[data-testid=stSidebarNav] a").nth(rng.randrange(len(PAGES) - 1)).click()


async def pick(page, label_key: str, rng: random.Random) -> None:
    sidebar = page.locator("[data-testid=stSidebar]")
    await (
        sidebar.locator("[data-testid=stMultiSelect]").filter(has_text=ui_text.text(LANG, label_key)).click()
    )
    options = page.get_by_role("option")
    await options.first.wait_for(timeout=10_000)
    await options.nth(rng.randrange(min(5, await options.count()))).click()
    await page.keyboard.press("Escape")


async def load(base: str, sessions: int, seconds: float, years: tuple[int, int], pause: float) -> Measures:
    from playwright.async_api import async_playwright

    measures = Measures()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        users = []
        for _ in range(sessions):
            context = await browser.new_context(viewport={"width": 1300, "height": 900})
            users.append(Session(await context.new_page(), measures))
        # Every session's first page view (the browser's and the server's cold start) is not timed.
        started = time.perf_counter()
        await asyncio.gather(*(user.act(functools.partial(user.page.goto, base)) for user in users))
        print(f"{sessions} sessions opened in {time.perf_counter() - started:.1f} s (not counted below)")
        measures.runs.clear()
        measures.actions = 0
        until = time.perf_counter() + seconds
        await asyncio.gather(
            *(drive(user, base, years, until, random.Random(i), pause) for i, user in enumerate(users))
        )
        await browser.close()
    return measures


def apptest_load(db: Path, sessions: int, seconds: float, years: tuple[int, int], pause: float) -> Measures:
    """The same user actions as `drive`, by AppTest sessions in threads; each run timed as it runs."""
    from streamlit import config

    from metrics.bench import navigation_mode_as_on_a_server

    os.environ["OGI_DB"] = str(db)
    # The loading note's check (read_page) asks the dashboard's data module from a session's thread
    # between runs, where Streamlit warns that no run is in progress, many times a second. A filter,
    # not a level: Streamlit sets its loggers' levels again as it runs.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    config.set_option("server.address", "127.0.0.1")  # as `ogi dashboard` binds it
    # AppTest turns this global option on for each run and back to what it was after; sessions in
    # threads would turn it off under each other's runs, and a run without it keeps no record of its
    # selectboxes' format functions, so the next action on that session fails inside AppTest itself.
    config.set_option("global.appTest", True)
    one_runtime_for_all_sessions()
    navigation_mode_as_on_a_server()
    measures = Measures()
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=apptest_session, args=(measures, years, until, random.Random(i), pause))
        for i in range(sessions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return measures


def one_runtime_for_all_sessions() -> None:
    """AppTest installs a mock Streamlit runtime for each run and removes it afterwards; sessions in
    threads would remove it under each other's runs, which then stop inside Streamlit ("Runtime
    hasn't been created"), cut short and untimed. The latest runtime installed serves every run."""
    from streamlit.runtime.runtime import Runtime

    latest = []

    def current(cls):
        if cls._instance is not None:
            latest[:] = [cls._instance]
        return latest[0] if latest else None

    def instance(cls):
        runtime = current(cls)
        if runtime is None:
            raise RuntimeError("Runtime hasn't been created!")
        return runtime

    Runtime.instance = classmethod(instance)
    Runtime.exists = classmethod(lambda cls: current(cls) is not None)


def apptest_session(
    measures: Measures, years: tuple[int, int], until: float, rng: random.Random, pause: float
) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=RUN_TIMEOUT)
    at.run()  # the session's first view, not timed (AppTest switches pages only after a first run)
    read_page(at, pause_for(pause, rng), measures)  # as after every run
    while time.perf_counter() < until:
        for action in (
            lambda at: at.switch_page(rng.choice(PAGES[:-1]).path),
            lambda at: at.slider(key="years").set_value((rng.randint(*years), years[1])),
            lambda at: apptest_pick(at, "region", rng),
            lambda at: apptest_pick(at, "format", rng),
        ):
            if time.perf_counter() >= until:
                return
            timed_apptest_run(at, action, measures)
            read_page(at, pause_for(pause, rng), measures)


def read_page(at, seconds: float, measures: Measures) -> None:
    """Wait as a person reading the page does. Meanwhile do what the sidebar's loading note does on
    the server, which AppTest does not (it fires no timed fragment): every NOTE_EVERY_SECONDS while
    the page shows the note, once the newer snapshot is in, run the whole app again. Those runs are
    the server's too, so they are timed with the others."""
    from metrics.dashboard import data, sidebar

    note = ui_text.text(LANG, "snapshot_loading")
    until = time.perf_counter() + seconds
    while (left := until - time.perf_counter()) > 0:
        time.sleep(min(sidebar.NOTE_EVERY_SECONDS, left))
        if any(info.value == note for info in at.sidebar.info) and not data.showing_older():
            timed_apptest_run(at, lambda at: None, measures, by_note=True)


def apptest_pick(at, key: str, rng: random.Random) -> None:
    widget = at.multiselect(key=key)
    widget.set_value([rng.choice(widget.options[:5])])


def timed_apptest_run(at, action, measures: Measures, by_note: bool = False) -> None:
    """Act, run the app and note the run's seconds: a user's action, or the loading note's run."""
    try:
        action(at)
    except KeyError:  # the page shown has no such filter (the roll-up page has no layout filter)
        return
    except Exception as e:  # an action that failed: counted, and the session goes on
        measures.errors.update([f"session could not act: {type(e).__name__}: {str(e)[:80]}"])
        return
    try:
        started = time.perf_counter()
        at.run()
    except Exception as e:  # a run past its time, or one that failed: counted, and the session goes on
        measures.errors.update([f"session could not act: {type(e).__name__}: {str(e)[:80]}"])
        return
    seconds = time.perf_counter() - started
    measures.runs.append(seconds)
    if by_note:
        measures.note_runs.append(seconds)
    else:
        measures.actions += 1
    for exception in at.exception:
        measures.errors.update([f"exception: {exception.message[:120]}"])
    for error in at.error:
        measures.errors.update([f"error shown: {error.value[:120]}"])


def ingest_while(db: Path, corpora: list[Path], stop: threading.Event, done: list[tuple[float, int]]) -> None:
    """Ingest one corpus after another into `db` until told to stop; notes (seconds, exit status)."""
    for corpus in corpora:
        if stop.is_set():
            return
        started = time.perf_counter()
        status = subprocess.run(
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
        ).returncode
        done.append((time.perf_counter() - started, status))


def start_dashboard(db: Path, port: int, log) -> subprocess.Popen:
    """`ogi dashboard` (it builds the database from the demo corpus first), once it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "metrics", "dashboard", "--db", str(db), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=os.environ | {"OGI_UPLOADS": str(db.parent / "uploads")},
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.5)
    server.send_signal(signal.SIGTERM)
    log.seek(0)
    raise RuntimeError(f"the dashboard did not start:\n{log.read()}")


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def report(
    measures: Measures, ingests: list[tuple[float, int]], sessions: int, seconds: float, pause: float
) -> None:
    runs = sorted(measures.runs)
    paused = f"pausing {0.5 * pause:g}-{1.5 * pause:g} s between actions" if pause else "with no pause"
    print(
        f"\n{sessions} sessions for {seconds:.0f} s, {paused}: "
        f"{measures.actions} actions, {len(runs)} server runs"
    )
    if runs:
        p95 = percentile(runs, 95)
        verdict = "ok" if p95 <= P95_TARGET else f"OVER the {P95_TARGET:g} s target"
        print(
            f"server run: median {statistics.median(runs):.2f} s, p95 {p95:.2f} s ({verdict}), max {runs[-1]:.2f} s"
        )
    if ingests:
        exits = ", ".join(f"{n} exit {code}" for code, n in sorted(Counter(c for _, c in ingests).items()))
        print(
            f"ingests during the load: {len(ingests)} one after another, "
            f"median {statistics.median(s for s, _ in ingests):.1f} s each ({exits})"
        )
    if measures.note_runs:
        notes = sorted(measures.note_runs)
        print(
            f"of those, {len(notes)} started by the loading note once a new snapshot was in: "
            f"median {statistics.median(notes):.2f} s, max {notes[-1]:.2f} s"
        )
    print(f"errors: {sum(measures.errors.values())}")
    for error, count in measures.errors.most_common():
        print(f"  {count:5d}  {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    # 800 keeps one ingest or another running for the whole minute (about 50 reports/s with one worker),
    # each swapping in a new snapshot when it ends, as `ogi ingest` does.
    parser.add_argument("--reports", type=int, default=800, help="generated reports per ingest")
    parser.add_argument("--port", type=int, default=8599)
    parser.add_argument("--driver", choices=["browser", "apptest"], default="browser")
    parser.add_argument("--pause", type=float, default=0.0, help="mean seconds a session reads each page")
    args = parser.parse_args()
    if args.driver == "browser" and not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is not installed (apt-get install chromium); no browser is downloaded")
    with tempfile.TemporaryDirectory(prefix="ogi-load-") as tmp, tempfile.TemporaryFile("w+") as log:
        db = Path(tmp) / "ogi.duckdb"
        corpora = [Path(tmp) / f"bulk{i}" for i in range(4)]
        for i, corpus in enumerate(corpora):
            generate_bulk(corpus, args.reports, seed=1000 + i)
        started = time.perf_counter()
        server = start_dashboard(db, args.port, log)
        print(f"dashboard up on the demo database in {time.perf_counter() - started:.0f} s")
        if args.driver == "apptest":
            server.send_signal(signal.SIGTERM)  # it built the database; the sessions run here
            server.wait(timeout=30)
        stop, ingests = threading.Event(), []
        writer = threading.Thread(target=ingest_while, args=(db, corpora, stop, ingests))
        writer.start()
        try:
            if args.driver == "apptest":
                measures = apptest_load(db, args.sessions, args.seconds, YEARS, args.pause)
            else:
                measures = asyncio.run(
                    load(f"http://127.0.0.1:{args.port}", args.sessions, args.seconds, YEARS, args.pause)
                )
        finally:
            stop.set()
            writer.join()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        report(measures, ingests, args.sessions, args.seconds, args.pause)


if __name__ == "__main__":
    main()
