"""`ogi bench`: how the dashboard and ingest hold up at 10,000, 100,000 and 1,000,000 reports.

For each size a generated store (metrics.demo.bulk_store) is built in a child process, or reused
from --out. Then, in this process, as the dashboard's server would run them:

- every page's first render and a filter change (years narrowed), under Streamlit's AppTest; the
  queries the pages ask for are recorded as they run;
- the process's peak memory over those pages and the comparison of texts Copied text starts (the
  dashboard's process at that size: the peak is reset before, on Linux);
- every recorded named query, repeated on a snapshot connection under the filters people set (all
  years; one region; two agencies; one layout): median and p95;
- the naive approach, in a child process: the whole facts table in pandas, answering what the
  heaviest page (Requests and refusals) shows, against the same figures from the named queries.

Ingest is timed once on generated HTML report pages with one worker and with every core. Figures
are printed as they come; the last line is one JSON object with them all.
"""

from __future__ import annotations

import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from metrics import queries, workers

PROJECT = Path(__file__).resolve().parents[2]
APP = PROJECT / "app.py"
SIZES = (10_000, 100_000, 1_000_000)
FILTER_KEYS = ("year_from", "year_to", "regions", "levels", "agency_types", "agencies", "formats")
# A query slower than this is repeated fewer times, so a slow store still finishes in minutes.
SLOW_QUERY_S = 2.0
# Enough pages that a run's fixed costs (opening the store, starting workers, the last batch and
# the cleaned layer: 0.7-0.9 s) weigh little, as in a folder of thousands: at 1,500 they were an
# eighth of a run on 2 cores, at 300 a third. scripts/benchmark_ingest.py --pages times real pages.
INGEST_PAGES = 5000
NAIVE_PAGE = "requests"
# The queries of the naive comparison: what the Requests and refusals page charts by year.
NAIVE_QUERIES = ("outcomes_by_year", "metric_sums_by_year")
# Beyond this many facts the naive approach would need more memory than the machine can spare
# (about 100 bytes a fact in pandas); it is then left out, and said so.
NAIVE_MAX_FACTS = 40_000_000


@dataclass(frozen=True)
class Recorded:
    name: str
    params: dict


def log(message: str) -> None:
    print(message, flush=True)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def peak_rss_mb() -> int:
    return workers.peak_rss() // 2**20


# ---- stores ----------------------------------------------------------------------------------------


def sizes_up_to(max_reports: int) -> list[int]:
    chosen = [s for s in SIZES if s <= max_reports]
    return chosen or [max_reports]


def store_for(out: Path, reports: int) -> Path:
    """A generated store of `reports` reports, built in a child process (its memory is not the
    dashboard's) unless --out already holds one of that size."""
    db = out / f"bulk-{reports}.duckdb"
    if db.exists() and _count(db, "reports") == reports:
        log(f"{reports} reports: reusing {db}")
        return db
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "metrics.demo.bulk_store", str(db), "--reports", str(reports)],
        check=True,
        env=_child_env(),
    )
    log(f"{reports} reports: store built in {time.perf_counter() - started:.1f} s")
    return db


def _count(db: Path, table: str) -> int:
    """Rows of a table of the store (reports or facts); -1 when the file is no readable store."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return -1
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _child_env() -> dict[str, str]:
    src = str(Path(__file__).resolve().parents[1])
    return os.environ | {"PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}


# ---- pages under AppTest ---------------------------------------------------------------------------


def navigation_mode_as_on_a_server() -> None:
    """AppTest resets Streamlit's "pages/ folder" flag before every run, which a server never does
    once app.py has called st.navigation; without this, reruns would skip app.py's sidebar."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.pages_manager import PagesManager

    class NavigationPagesManager(PagesManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            PagesManager.uses_pages_directory = False

    app_test.PagesManager = NavigationPagesManager


@contextmanager
def _recording(calls: list[Recorded]):
    """Note every named query the pages run, with its parameters."""
    original = queries.run

    def run(con, name, params):
        calls.append(Recorded(name, dict(params)))
        return original(con, name, params)

    queries.run = run
    try:
        yield
    finally:
        queries.run = original


@contextmanager
def environment(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k)
            else:
                os.environ[k] = v


def timed_run(at) -> float:
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return seconds


def timed_in_order(pages: list) -> list:
    """The pages in the order they are timed: Copied text last, since it starts the comparison of every
    report's text, which runs on in the background (minutes at a million reports) and would slow
    every page timed after it."""
    return sorted(pages, key=lambda page: page.key == "similar")


def page_renders(db: Path, calls: list[Recorded]) -> dict[str, dict[str, float]]:
    """{page: {first, filter_change}} in seconds, plus the app's cold start (the snapshot and its
    cleaned layer, then the first page) under "app"."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from metrics.dashboard import data
    from metrics.dashboard.registry import PAGES

    logging.disable(logging.WARNING)  # outside `streamlit run`, every cache call warns
    navigation_mode_as_on_a_server()
    st.cache_resource.clear()
    st.cache_data.clear()
    out: dict[str, dict[str, float]] = {}
    with environment(OGI_DB=str(db), OGI_UPLOADS=tempfile.mkdtemp(prefix="ogi-bench-")), _recording(calls):
        at = AppTest.from_file(str(APP), default_timeout=600)
        out["app"] = {"first": round(timed_run(at), 3)}
        log(
            f"  app's first render (snapshot and its cleaned layer, then Overview) {out['app']['first']:.2f} s"
        )
        first_year, last_year = at.slider(key="years").value
        narrowed = (max(first_year, last_year - 2), last_year)
        for page in timed_in_order(PAGES):
            at = AppTest.from_file(str(APP), default_timeout=600)
            at.run()
            st.cache_data.clear()  # the snapshot stays; every result is asked for afresh
            first = timed_run(at.switch_page(page.path))
            at.slider(key="years").set_value(narrowed)
            change = timed_run(at)
            out[page.key] = {"first": round(first, 3), "filter_change": round(change, 3)}
            log(f"  page {page.key:10s} first render {first:6.2f} s   filter change {change:6.2f} s")
        # The comparison of every report's text Copied text started runs on in the background: let
        # it finish, so its memory counts with the dashboard's and its core is not taken from the
        # queries timed next.
        data.wait_for_comparisons()
    st.cache_resource.clear()
    st.cache_data.clear()
    return out


# ---- named queries ---------------------------------------------------------------------------------


def scenarios(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """The filters people set: all years; the region with most reports; the two agencies with most
    reports; the 2021 layout alone."""
    opts = queries.filter_options(con)
    every = queries.Filters(opts.years[0], opts.years[-1])
    region = con.execute(
        "SELECT region FROM report_figures WHERE region <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()[0]
    agencies = [
        a
        for (a,) in con.execute(
            "SELECT agency FROM report_figures WHERE agency <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2"
        ).fetchall()
    ]
    return {
        "all_years": every.params(),
        "one_region": every.params() | {"regions": [region]},
        "two_agencies": every.params() | {"agencies": agencies},
        "one_layout": every.params() | {"formats": ["std2021"]},
    }


def distinct_queries(calls: list[Recorded]) -> dict[tuple, Recorded]:
    """One call per query name and page-level parameters; the sidebar filters are the scenarios'."""
    out = {}
    for call in calls:
        own = {k: v for k, v in call.params.items() if k not in FILTER_KEYS}
        out.setdefault((call.name, json.dumps(own, sort_keys=True, default=str)), call)
    return out


def scenario_params(call: Recorded, scenario: dict) -> dict:
    """The call's parameters under a scenario's sidebar filters, except the agencies a page chose
    itself (Compare's chosen agencies): the pages are recorded with no agency in the sidebar, so a
    recorded call naming agencies names the page's own, which it runs with whatever the sidebar holds."""
    params = call.params | scenario
    if call.params.get("agencies"):
        params["agencies"] = call.params["agencies"]
    return params


def time_query(con, call: Recorded, params: dict, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        queries.run(con, call.name, params)
        times.append(time.perf_counter() - started)
        if times[-1] > SLOW_QUERY_S and len(times) >= 2:
            break
    return times


def query_timings(db: Path, calls: list[Recorded], repeat: int) -> tuple[dict[str, float], float]:
    """({query: p95 ms over every scenario's runs}, seconds to open the snapshot)."""
    started = time.perf_counter()
    con = queries.open_snapshot(db)
    snapshot_s = time.perf_counter() - started
    log(f"  snapshot (cleaned layer) opened in {snapshot_s:.2f} s")
    try:
        filters = scenarios(con)
        by_name: dict[str, list[float]] = {}
        for call in distinct_queries(calls).values():
            for scenario, params in filters.items():
                times = time_query(con, call, scenario_params(call, params), repeat)
                by_name.setdefault(call.name, []).extend(times)
                log(
                    f"  query {call.name:22s} {scenario:12s} median {ms(statistics.median(times)):8.1f} ms"
                    f"   p95 {ms(p95(times)):8.1f} ms"
                )
    finally:
        con.close()
    return {name: ms(p95(times)) for name, times in sorted(by_name.items())}, snapshot_s


# ---- the naive approach ----------------------------------------------------------------------------

# Run in a child process: the whole facts and reports tables in pandas, the current version of each
# agency-year chosen by the same rule, then the Requests page's yearly sums. Prints seconds and MB.
_NAIVE = """
import resource, sys, time
import duckdb
t = time.perf_counter()
con = duckdb.connect(sys.argv[1], read_only=True)
facts = con.execute("SELECT * FROM facts").df()
reports = con.execute("SELECT report_id, agency, year, published, ingested_at, format FROM reports").df()
reports = reports.sort_values(["published", "ingested_at", "report_id"], ascending=False, na_position="last")
current = reports.drop_duplicates(["agency", "year"])
rows = facts.merge(current, on="report_id")
parts = {"outcome_granted", "outcome_partial", "outcome_denied", "outcome_unable", "outcome_not_processed",
         "outcome_other", "outcome_already_public", "unable_not_held", "outcome_not_this_agency",
         "outcome_told_to_amend", "outcome_other_channel"}
totals = rows[rows.requester_column == "total"]
outcomes = totals[totals.metric_id.isin(parts)].groupby(["year", "metric_id"])["value"].sum()
requesters = rows[rows.metric_id == "requests_new"].groupby(["year", "requester_column"])["value"].sum()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(outcomes))
"""


def naive_comparison(db: Path, calls: list[Recorded], repeat: int) -> dict[str, float]:
    """Seconds of the naive approach against the named queries behind the same charts (all years)."""
    facts = _count(db, "facts")
    if facts > NAIVE_MAX_FACTS:
        reason = f"{facts} facts would need about {facts * 100 // 2**30} GB in pandas"
        log(f"  naive pandas approach left out: {reason}")
        return {"skipped": reason}
    done = subprocess.run(
        [sys.executable, "-c", _NAIVE, str(db)], capture_output=True, text=True, check=True, env=_child_env()
    )
    naive_s, naive_mb, _ = done.stdout.strip().splitlines()[-1].split()
    con = queries.open_snapshot(db)
    try:
        every = scenarios(con)["all_years"]
        wanted = [c for c in distinct_queries(calls).values() if c.name in NAIVE_QUERIES]
        ours = sum(statistics.median(time_query(con, c, c.params | every, repeat)) for c in wanted)
    finally:
        con.close()
    ratio = float(naive_s) / ours
    log(
        f"  naive pandas over the whole facts table ({NAIVE_PAGE} page): {float(naive_s):.2f} s, "
        f"{naive_mb} MB; named queries {ours * 1000:.0f} ms; ratio {ratio:.0f}x"
    )
    return {"naive_s": round(float(naive_s), 2), "queries_s": round(ours, 3), "ratio": round(ratio, 1)}


# ---- ingest ----------------------------------------------------------------------------------------

_INGEST = """
import json, sys, time
from pathlib import Path
from metrics.ingest import ingest_paths
read = []  # when each file was read
t = time.perf_counter()
s = ingest_paths([sys.argv[1]], Path(sys.argv[2]), workers=int(sys.argv[3]),
                 progress=lambda done, total, path: read.append(time.perf_counter()))
end = time.perf_counter()
print(json.dumps({"seconds": end - t, "files": s.files, "last_read": read[-1] if read else end, "end": end}))
"""


def ingest_throughput(pages: int) -> dict[str, float]:
    """Reports per second on generated HTML report pages, with 1 worker and with every core, over the
    whole run: the writing after the last file is read (the last batch, the cleaned layer) is part of
    it, a fixed cost that a larger folder spreads thinner."""
    from metrics.demo import generate_bulk

    cores = os.cpu_count() or 1
    out = {}
    with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
        corpus = Path(tmp) / "pages"
        generate_bulk(corpus, pages, file_types=("html",))
        for workers in dict.fromkeys((1, cores)):
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _INGEST,
                    str(corpus),
                    str(Path(tmp) / f"{workers}.duckdb"),
                    str(workers),
                ],
                capture_output=True,
                text=True,
                check=True,
                env=_child_env(),
            )
            run = json.loads(done.stdout)
            out[str(workers)] = round(run["files"] / run["seconds"], 1)
            log(
                f"ingest: {out[str(workers)]} reports/s with {workers} worker(s) ({run['files']} HTML pages,"
                f" {run['seconds']:.1f} s, of which {run['end'] - run['last_read']:.2f} s after the last was read)"
            )
    return out


# ---- the whole run ---------------------------------------------------------------------------------


def run(max_reports: int, out: Path, repeat: int, ingest_pages: int = INGEST_PAGES) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    result: dict = {
        "reports": [],
        "query_p95_ms": {},
        "page_render_s": {},
        "ingest_reports_per_s": {},
        "db_mb": {},
        "peak_rss_mb": {},
        "snapshot_s": {},
        "naive": {},
    }
    for reports in sizes_up_to(max_reports):
        db = store_for(out, reports)
        key = str(reports)
        result["reports"].append(reports)
        result["db_mb"][key] = round(db.stat().st_size / 2**20, 1)
        log(f"{reports} reports: database {result['db_mb'][key]} MB")
        calls: list[Recorded] = []
        workers.reset_peak_rss()
        result["page_render_s"][key] = page_renders(db, calls)
        result["peak_rss_mb"][key] = peak_rss_mb()
        log(
            f"{reports} reports: peak memory of the dashboard's process over its pages and their"
            f" comparison of texts {result['peak_rss_mb'][key]} MB"
        )
        result["query_p95_ms"][key], snapshot_s = query_timings(db, calls, repeat)
        result["snapshot_s"][key] = round(snapshot_s, 2)
        result["naive"][key] = naive_comparison(db, calls, repeat)
    result["ingest_reports_per_s"] = ingest_throughput(ingest_pages)
    return result


def main(max_reports: int, out: Path | None, repeat: int, ingest_pages: int) -> None:
    """Run the benchmark; without `out` the stores live in a temporary folder removed at the end."""
    if out is None:
        with tempfile.TemporaryDirectory(prefix="ogi-bench-") as tmp:
            result = run(max_reports, Path(tmp), repeat, ingest_pages)
    else:
        result = run(max_reports, out, repeat, ingest_pages)
    print(json.dumps(result, ensure_ascii=False), flush=True)
