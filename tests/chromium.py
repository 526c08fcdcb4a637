"""Debian's Chromium (never a downloaded browser), for tests that make files with it."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"  # Debian's; never a downloaded browser
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def require() -> None:
    """Skip the test where Chromium is not installed (.ci/run installs it)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); no browser is downloaded")


def save_single_file(page: Path, out: Path) -> None:
    """Save the web page `page` as Chromium's "single file" (MHTML, its DevTools snapshot, as the
    browser's own save writes it) to `out`; the test is skipped where Chromium is not installed."""
    require()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            snapshot = tab.context.new_cdp_session(tab).send("Page.captureSnapshot", {"format": "mhtml"})
        finally:
            browser.close()
    out.write_text(snapshot["data"], encoding="utf-8", newline="")
