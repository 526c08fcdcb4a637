"""The dashboard in a real headless Chromium (Debian's, never a downloaded one), served by `streamlit run`."""

import contextlib
import csv
import io
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import chromium
import duckdb
import pytest
from chromium import CHROMIUM

from metrics import ui_text

pytestmark = pytest.mark.browser

# The interface languages as the sidebar names them, and their codes in ui_text.
LANGUAGES = [("中文", "zh"), ("English", "en")]

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REGION = "上海市"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(db: Path, tmp_path_factory) -> Iterator[str]:
    """`streamlit run app.py` on the given database; yields its address once it answers."""
    chromium.require()
    port = free_port()
    env = os.environ | {"OGI_DB": str(db), "OGI_UPLOADS": str(tmp_path_factory.mktemp("uploads"))}
    log = open(tmp_path_factory.mktemp("server") / "streamlit.log", "w+")
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
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"streamlit did not start:\n{log.read()}")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def server(fixture_db, tmp_path_factory):
    with streamlit_server(fixture_db, tmp_path_factory) as base:
        yield base


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        yield context.new_page()
        context.close()
        browser.close()


def metric(page, label: str) -> str:
    box = page.locator("[data-testid=stMetric]").filter(
        has=page.locator("[data-testid=stMetricLabel]", has_text=label)
    )
    return box.first.locator("[data-testid=stMetricValue]").inner_text().strip()


def wait_for_metric(page, label: str, value: str) -> None:
    deadline = time.monotonic() + 20
    while metric(page, label) != value:
        if time.monotonic() > deadline:
            raise AssertionError(f"{label} shows {metric(page, label)!r}, expected {value!r}")
        page.wait_for_timeout(200)


def wait_until_idle(page) -> None:
    """Until the app's script run has ended: a run still going redraws the controls and closes an open list."""
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')?.dataset.testScriptState === 'notRunning'",
        timeout=30000,
    )


def choose_option(page, box, name: str, chosen: str) -> None:
    """Open box's list and pick the option called name, until the script chosen finds the choice made.

    A rerun redraws the page's controls and closes a list opened meanwhile, before or after its option
    shows, so one opening may not be enough: a slow machine has been seen to need several."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    option = page.get_by_role("option", name=name, exact=True)
    for _ in range(6):
        wait_until_idle(page)
        try:
            box.click(timeout=5000)
            option.click(timeout=5000)
            page.wait_for_function(chosen, timeout=10000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    pytest.fail(f"{name} could not be chosen in six tries")


def db_report_ids(db: Path, region: str) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            r[0] for r in con.execute("SELECT report_id FROM reports WHERE region = ?", [region]).fetchall()
        }
    finally:
        con.close()


@pytest.mark.parametrize("lang,code", LANGUAGES)
def test_filter_download_and_reload(server, page, fixture_db, lang, code):
    def t(key: str) -> str:
        return ui_text.text(code, key)

    # A page opened by URL on a fresh server must still get app.py's sidebar.
    page.goto(f"{server}/?lang={urllib.parse.quote(lang)}")  # the default page lives at the root
    page.get_by_role("heading", name=t("page_overview")).wait_for(timeout=30000)
    wait_for_metric(page, t("h_reports"), "12")
    page.screenshot(path=str(SHOTS / f"overview-{code}.png"), full_page=True)

    sidebar = page.locator("[data-testid=stSidebar]")
    region_box = sidebar.locator("[data-testid=stMultiSelect]").filter(has_text=t("f_region"))
    # The page writes its filters to the address once its run ends.
    choose_option(page, region_box, REGION, "() => location.search.includes('region=')")
    page.keyboard.press("Escape")
    wait_for_metric(page, t("h_reports"), str(len(db_report_ids(fixture_db, REGION))))
    page.screenshot(path=str(SHOTS / f"overview-filtered-{code}.png"), full_page=True)

    with page.expect_download() as info:
        page.get_by_role("button", name=t("download_detail_csv")).first.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["report_id"] for r in rows} == db_report_ids(fixture_db, REGION)
    assert all(r["file_path"] and r["parser_version"] for r in rows)

    page.reload()
    wait_for_metric(page, t("h_reports"), str(len(db_report_ids(fixture_db, REGION))))


def test_every_page_shows_without_errors(server, page):
    from metrics.dashboard.registry import PAGES

    for p in PAGES:
        page.goto(f"{server}/{p.url_path}")
        page.locator("h1").first.wait_for(timeout=30000)
        page.wait_for_timeout(1500)
        assert page.locator("[data-testid=stException]").count() == 0, p.key
        page.screenshot(path=str(SHOTS / f"{p.key}.png"), full_page=True)


# Elements whose attributes point outside: a live link (href, xlink:href) or a fetched image (src).
OUTSIDE_REFERENCES = """() => Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(
    a => /(^|:)(href|src|srcset)$/.test(a.name) && a.value.includes('evil.invalid'))).length"""


@pytest.fixture(scope="module")
def hostile_server(hostile_db, tmp_path_factory):
    with streamlit_server(hostile_db, tmp_path_factory) as base:
        yield base


def test_report_and_url_text_is_shown_never_run(hostile_server, page):
    import dashboard_fixture as fx

    page.goto(f"{hostile_server}/")
    coverage = page.locator(".js-plotly-plot").first
    coverage.wait_for(timeout=30000)
    # The agency's tags are drawn as the characters they are, in the tick labels of the coverage map.
    assert any("<b>局</b>" in tick for tick in coverage.locator("g.ytick").all_text_contents())
    assert page.evaluate(OUTSIDE_REFERENCES) == 0

    crafted = urllib.parse.quote("![x](http://evil.invalid/pixel.png) [点我](http://evil.invalid/)")
    page.goto(f"{hostile_server}/report?report={crafted}")
    page.locator("[data-testid=stAlert]").first.wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    assert "![x](http://evil.invalid/pixel.png)" in page.locator("[data-testid=stAlert]").first.inner_text()
    assert page.evaluate(OUTSIDE_REFERENCES) == 0

    page.goto(f"{hostile_server}/report?report={fx.report_id(fx.HOSTILE_SPECS[-1])}")
    table = page.locator("[data-testid=stDataFrame]").first
    table.wait_for(timeout=30000)
    table.hover()
    page.wait_for_timeout(500)
    assert page.get_by_role("button", name="Download as CSV").count() == 0
    assert page.evaluate(OUTSIDE_REFERENCES) == 0


def downloaded_csv(page, button) -> list[list[str]]:
    with page.expect_download() as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("lang,code", LANGUAGES)
def test_the_late_and_missing_download_is_the_list_shown(server, page, fixture_db, lang, code):
    def t(key: str) -> str:
        return ui_text.text(code, key)

    page.goto(f"{server}/?years=2020&years=2021&lang={urllib.parse.quote(lang)}")
    heading = page.get_by_role("heading", name=t("late_missing_title"))
    heading.wait_for(timeout=30000)
    page.get_by_role("link", name=t("late_missing_link")).click()
    page.wait_for_timeout(500)
    assert heading.bounding_box()["y"] < 1000, "the KPI's link scrolls to the list"
    table = page.locator("[data-testid=stDataFrame]").filter(has_text=t("col_days_late"))
    table.wait_for(timeout=30000)
    page.screenshot(path=str(SHOTS / f"late-and-missing-{code}.png"), full_page=True)
    # The list's own download is the third on the page (headline, coverage, list).
    rows = downloaded_csv(page, page.get_by_role("button", name=t("download_csv")).nth(2))
    assert rows[0] == [
        t(k) for k in ("col_agency", "year", "col_state", "published", "deadline", "col_days_late")
    ]
    late, missing = t("state_late"), t("state_missing")
    assert rows[1:] == [
        ["北京市海淀区人民政府", "2021", late, "2022-02-10", "2022-01-31", "10"],
        ["广州市人民政府", "2020", late, "2021-03-01", "2021-01-31", "29"],
        ["上海市公安局", "2020", missing, "", "2021-01-31", ""],
        ["黑河市民政局", "2020", missing, "", "2021-01-31", ""],
    ]
    # The same rows, in the same order, as the table draws them (its cells are read by their text).
    shown = table.locator("[role=gridcell]").all_inner_texts()
    for row in rows[1:]:
        assert row[0] in shown


@pytest.mark.parametrize("lang,code", LANGUAGES)
def test_three_agencies_compared_year_by_year_download_the_table_shown(server, page, lang, code):
    agencies = ["上海市公安局", "广州市人民政府", "北京市海淀区人民政府"]
    query = "&".join(f"compare_agencies={urllib.parse.quote(a)}" for a in agencies)
    page.goto(f"{server}/compare?{query}&lang={urllib.parse.quote(lang)}")
    page.get_by_role("heading", name=ui_text.text(code, "compare_yearly")).wait_for(timeout=30000)
    header = ui_text.text(code, "col_indicator")
    table = page.locator("[data-testid=stDataFrame]").filter(has_text=header).first
    table.wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    shown = [row for row in grid_rows(table) if row]
    assert {row[0] for row in shown[1:]} == set(agencies)
    assert shown[0][-9:] == [str(y) for y in range(2013, 2022)]
    with page.expect_download() as info:
        page.locator(".st-key-compare_yearly_csv button").click()
    data = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data))) == shown
    page.screenshot(path=str(SHOTS / f"compare-yearly-{code}.png"), full_page=True)


@pytest.mark.parametrize("lang,code", LANGUAGES)
def test_a_shared_link_restores_the_full_view(server, page, lang, code):
    def t(key: str) -> str:
        return ui_text.text(code, key)

    # A page of its own: the session the earlier tests used carries their choices.
    page = page.context.browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(
        f"{server}/compare?compare_agencies=上海市公安局&compare_agencies=广州市人民政府&lang={urllib.parse.quote(lang)}"
    )
    page.get_by_role("heading", name=t("page_compare")).wait_for(timeout=30000)
    rank_by = page.locator("[data-testid=stSelectbox]").filter(has_text=t("rank_by"))
    choose_option(
        page,
        rank_by,
        t("rate_refusal_rate"),
        "() => location.search.includes('compare_rank_by=refusal_rate')",
    )
    wait_until_idle(page)
    page.get_by_role("button", name=t("share_link")).click()
    link = page.locator("[data-testid=stPopoverBody] [data-testid=stCode]").inner_text().strip()
    assert link.startswith(f"{server}/compare?") and "compare_rank_by=refusal_rate" in link
    if code != "zh":  # Chinese is the default; another language travels with the link
        assert f"lang={urllib.parse.quote(lang)}" in link

    fresh = page.context.browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    fresh.goto(link)
    fresh.get_by_role("heading", name=t("page_compare")).wait_for(timeout=30000)
    fresh.locator("[data-testid=stDataFrame]").first.wait_for(timeout=30000)
    agencies = (
        fresh.locator("[data-testid=stMultiSelect]").filter(has_text=t("compare_agencies")).inner_text()
    )
    assert "上海市公安局" in agencies and "广州市人民政府" in agencies
    rank_box = fresh.locator("[data-testid=stSelectbox]").filter(has_text=t("rank_by"))
    assert rank_box.locator("input").input_value() == t("rate_refusal_rate")
    fresh.screenshot(path=str(SHOTS / f"compare-from-link-{code}.png"), full_page=True)
    fresh.context.close()
    page.context.close()


def grid_rows(table) -> list[list[str]]:
    """The cells of a Streamlit table as the browser holds them (its accessible grid), header first."""
    return table.evaluate(
        """t => Array.from(t.querySelectorAll('[role=row]')).map(r =>
            Array.from(r.querySelectorAll('[role=columnheader], [role=gridcell]')).map(c => c.innerText.trim()))"""
    )


@pytest.mark.parametrize("lang,code", LANGUAGES)
def test_the_table_builder_csv_is_the_table_shown(server, page, lang, code):
    query = (
        "builder_agencies=北京市海淀区人民政府&builder_agencies=广州市人民政府&builder_metrics=requests_new"
    )
    page.goto(f"{server}/builder?{query}&lang={urllib.parse.quote(lang)}")
    page.get_by_role("heading", name=ui_text.text(code, "page_builder")).wait_for(timeout=30000)
    table = page.locator("[data-testid=stDataFrame]").first
    table.wait_for(timeout=30000)
    page.wait_for_timeout(1000)
    shown = [row for row in grid_rows(table) if row]
    with page.expect_download() as info:
        page.get_by_role("button", name=ui_text.text(code, "download_csv")).first.click()
    data = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(data))) == shown
    assert len(shown) == 1 + 2 * 9  # the header, then two agencies × 2013–2021
    page.screenshot(path=str(SHOTS / f"builder-{code}.png"), full_page=True)


# What a reader sees on an element: its own text, or the words a style sheet puts after it.
SEEN_TEXT = """e => { const after = getComputedStyle(e, '::after').content;
    return getComputedStyle(e).fontSize === '0px' ? after.replace(/^"|"$/g, '') : e.innerText; }"""


@pytest.mark.parametrize("lang,button", [("中文", "选择文件"), ("English", "Choose files")])
def test_the_file_uploader_and_page_list_speak_the_interface_language(server, page, lang, button):
    page.goto(f"{server}/upload?lang={urllib.parse.quote(lang)}")
    dropzone = page.locator("[data-testid=stFileUploaderDropzone]")
    dropzone.wait_for(timeout=30000)
    assert dropzone.locator("button [data-testid=stMarkdownContainer] p").evaluate(SEEN_TEXT) == button
    instructions = dropzone.locator("[data-testid=stFileUploaderDropzoneInstructions] span").first
    assert "per file" not in instructions.evaluate(SEEN_TEXT) or lang == "English"
    # Every page is listed: a collapsed list would end in Streamlit's English "View more".
    assert page.locator("[data-testid=stSidebarNavViewButton]").count() == 0
