"""Nothing a report or a URL says is interpreted: charts, messages and tables show it as written."""

import json

import dashboard_fixture as fx
import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest
from test_app_pages import APP, assert_clean, open_page, zh

from metrics import exports
from metrics.dashboard import escape

HOSTILE_ID = fx.report_id(fx.HOSTILE_SPECS[-1])
CRAFTED_LINK = "![x](http://evil.invalid/pixel.png) [点我](http://evil.invalid/) :red[警告]"


@pytest.fixture
def hostile_env(hostile_db, tmp_path, monkeypatch):
    monkeypatch.setenv("OGI_DB", str(hostile_db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    return hostile_db


def chart_strings(at: AppTest) -> list[str]:
    """Every string in every Plotly figure the run drew (trace names, categories, hover, layout)."""

    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from walk(v)
        elif isinstance(node, list):
            for v in node:
                yield from walk(v)

    return [s for chart in at.get("plotly_chart") for s in walk(json.loads(chart.proto.spec))]


def assert_no_markup_from_reports(strings: list[str]) -> None:
    from_report = [s for s in strings if "evil.invalid" in s]
    assert from_report, "the hostile agency is charted"
    assert not [s for s in from_report if "<a " in s or "<b>" in s or "<i>" in s]
    assert any("&lt;a href=" in s for s in from_report)


def test_agency_names_reach_plotly_escaped_in_coverage_legends_ticks_and_hover(hostile_env):
    at = open_page()
    assert_clean(at)
    strings = chart_strings(at)
    at.switch_page("pages/review.py").run()
    strings += chart_strings(at)
    at.switch_page("pages/trends.py").run()
    at.selectbox(key="trend_group").set_value("agency").run()
    assert_clean(at)
    strings += chart_strings(at)
    assert_no_markup_from_reports(strings)
    assert not [s for s in strings if "<extra>" in s and "evil.invalid" in s], "names stay out of templates"


def test_a_crafted_report_parameter_shows_as_plain_text_in_the_warning(hostile_env):
    at = open_page("pages/report.py", query={"report": CRAFTED_LINK})
    assert_clean(at)
    warning = at.warning[0].value
    assert warning == zh("report_not_found", report_id=escape.markdown(CRAFTED_LINK))
    assert f"` {CRAFTED_LINK} `" in warning, "inside a code span, where markdown is not read"


def test_a_report_title_holding_links_shows_as_plain_text(hostile_env):
    at = open_page("pages/report.py", query={"report": HOSTILE_ID})
    assert_clean(at)
    title = f"{fx.HOSTILE_AGENCY}{fx.HOSTILE_SPECS[-1].year}年政府信息公开工作年度报告"
    assert at.subheader[0].value == f"` {title} `"


def test_markdown_escape_is_a_code_span_no_backtick_or_blank_line_can_close():
    assert escape.markdown("[d](http://x.cn)") == "` [d](http://x.cn) `"
    assert escape.markdown("a `b` ``c``\n\nd") == "``` a `b` ``c``  d ```"


def test_streamlit_table_export_is_off_so_only_the_safe_downloads_remain(hostile_env):
    config.set_option("client.disableDataExport", False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert config.get_option("client.disableDataExport") is True


@pytest.mark.parametrize("cell", ["\t=1+1", "\r=1+1"])
def test_cells_starting_with_a_tab_or_carriage_return_download_as_text(cell):
    assert exports.csv_text(cell) == "'" + cell
