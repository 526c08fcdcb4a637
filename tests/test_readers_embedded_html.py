"""Web-page tables inside text files: a page saved as .txt, a page's body kept in a JavaScript
string, a Markdown file holding a raw HTML table. Each is read cell for cell as the page itself is,
its blank cells (`&nbsp;`) kept in their columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from metrics.extract import extract_file
from metrics.readers import read_document

FIXTURE = Path(__file__).parent / "fixtures" / "standard" / "std2019_grid.html"


def _page_with_blank_cells() -> str:
    """The fixture with its zero cells left blank, as many sites print them: stripped of its tags,
    a row then no longer says which figure stands in which column."""
    return re.sub(r"<td([^>]*)>0</td>", r"<td\1>&nbsp;</td>", FIXTURE.read_text(encoding="utf-8"))


def _as_javascript_string(page: str) -> str:
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL | re.IGNORECASE).group(1)
    escaped = body.replace("\\", "\\\\").replace('"', '\\"').replace("</", "<\\/").replace("\n", "\\n")
    return f'var content = "{escaped}";\n'


@pytest.fixture
def as_page(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(_page_with_blank_cells(), encoding="utf-8")
    return extract_file(str(path))


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("saved-page.txt", lambda page: page),
        ("saved-page.md", lambda page: page),
        ("page-in-a-script.txt", _as_javascript_string),
        ("page-on-one-line.txt", lambda page: page.replace("\n", " ")),
    ],
)
def test_a_page_held_in_a_text_file_gives_the_figures_and_agency_of_the_page(tmp_path, as_page, name, make):
    path = tmp_path / name
    path.write_text(make(_page_with_blank_cells()), encoding="utf-8")
    as_text = extract_file(str(path))
    assert len(as_page.totals()) > 40  # the fixture's tables, read
    assert as_text.totals() == as_page.totals()
    assert as_text.meta.agency == as_page.meta.agency != ""
    assert as_text.meta.year == as_page.meta.year


def test_a_raw_html_table_in_markdown_keeps_its_blank_cells_in_their_columns(tmp_path):
    markdown = (
        "# 某县2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
        '<table><tr><td rowspan="2">本年新收</td><td>自然人</td><td>企业</td><td>总计</td></tr>'
        "<tr><td>7</td><td>&nbsp;</td><td>7</td></tr></table>\n\n四、其他\n"
    )
    path = tmp_path / "report.md"
    path.write_text(markdown, encoding="utf-8")
    doc = read_document(path)
    assert [["本年新收", "自然人", "企业", "总计"], ["本年新收", "7", "", "7"]] in [
        t.rows for t in doc.tables
    ]
    assert "<" not in doc.text and "本年新收" in doc.text and "四、其他" in doc.text
