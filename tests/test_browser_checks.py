"""The regional roll-up, anomaly and copied-text pages in a real headless Chromium on the demo corpus."""

from pathlib import Path

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, SHOTS, metric, streamlit_server

from metrics.demo import planted
from metrics.ingest import ingest_paths

pytestmark = pytest.mark.browser

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest_paths([DEMO], db, workers=2)
    with streamlit_server(db, tmp_path_factory) as base:
        yield base


@pytest.fixture(scope="module")
def page(demo_server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        yield context.new_page()
        context.close()
        browser.close()


def open_page(page, base: str, path: str, heading: str) -> None:
    page.goto(f"{base}/{path}")
    page.get_by_role("heading", name=heading).first.wait_for(timeout=60000)
    page.wait_for_timeout(1500)
    assert page.locator("[data-testid=stException]").count() == 0, path


@pytest.mark.parametrize(
    ("lang", "title", "added"),
    [("中文", "地区汇总", "纳入汇总的机关"), ("English", "Regional roll-up", "Agencies added up")],
)
def test_rollup_page_adds_up_a_demo_city(demo_server, page, lang, title, added):
    open_page(page, demo_server, f"rollup?lang={lang}&rollup_region=云川市&rollup_year=2022", title)
    assert int(metric(page, added)) > 10
    page.screenshot(path=str(SHOTS / f"rollup-{lang}.png"), full_page=True)


@pytest.mark.parametrize(("lang", "title"), [("中文", "异常数字"), ("English", "Anomalies")])
def test_anomaly_page_shows_the_planted_jump(demo_server, page, lang, title):
    open_page(page, demo_server, f"anomalies?lang={lang}", title)
    assert page.locator("[data-testid=stDataFrame]").count() == 2  # the kinds and the anomalies
    page.screenshot(path=str(SHOTS / f"anomalies-{lang}.png"), full_page=True)


@pytest.mark.parametrize(("lang", "title"), [("中文", "内容雷同"), ("English", "Copied text")])
def test_copied_text_page_highlights_the_planted_copies_side_by_side(demo_server, page, lang, title):
    open_page(page, demo_server, f"similar?lang={lang}", title)
    marks = page.locator("mark")
    marks.first.wait_for(timeout=30000)
    texts = marks.all_inner_texts()
    # Each shared passage is marked once in each report, and the planted text is among them.
    assert len(texts) % 2 == 0 and sorted(texts[: len(texts) // 2]) == sorted(texts[len(texts) // 2 :])
    assert any(p in t for t in texts for p in (planted.OWN_TEXT[:20], planted.SHARED_TEXT[:20]))
    page.screenshot(path=str(SHOTS / f"similar-{lang}.png"), full_page=True)
