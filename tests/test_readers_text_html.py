"""The text and HTML readers: encodings, table grids, invisible parts, and files that are not reports."""

from __future__ import annotations

import codecs
import random

import pytest

from metrics.readers import MAX_BYTES, ReadError, UnsupportedFile, read_document

REPORT = "标题:石桥县教育局2021年政府信息公开工作年度报告\n发布日期:2022-01-20\n主动公开政府信息1,236条。\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_text_in_every_common_encoding_reads_the_same(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, "report.txt", data))
    assert doc.text == REPORT
    assert doc.encoding == encoding
    assert doc.page_meta["发布日期"] == "2022-01-20"


def test_utf8_cut_inside_the_last_character_keeps_the_rest(tmp_path):
    data = REPORT.encode("utf-8") + "公开".encode()[:-1]
    doc = read_document(write(tmp_path, "cut.txt", data))
    assert doc.encoding == "utf-8"
    assert doc.text.startswith(REPORT)


def test_traditional_characters_stay_in_the_text(tmp_path):
    text = "雲川市衛生健康委員會2020年政府資訊公開工作年度報告\n本年新收政府資訊公開申請數量12件"
    doc = read_document(write(tmp_path, "big5ish.txt", text.encode("utf-8")))
    assert doc.text == text


def test_windows_line_endings_become_newlines(tmp_path):
    doc = read_document(write(tmp_path, "crlf.txt", "第一行\r\n第二行\r第三行".encode()))
    assert doc.text == "第一行\n第二行\n第三行"


@pytest.mark.parametrize("name", ["noise.txt", "noise.html"])
def test_random_bytes_are_rejected(tmp_path, name):
    noise = random.Random(7).randbytes(4000)
    with pytest.raises(ReadError, match="not text"):
        read_document(write(tmp_path, name, noise))


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.pdf", "empty.docx"])
def test_empty_file_is_rejected(tmp_path, name):
    with pytest.raises(ReadError, match="empty"):
        read_document(write(tmp_path, name, b""))


def test_blank_text_file_is_rejected(tmp_path):
    with pytest.raises(ReadError, match="blank"):
        read_document(write(tmp_path, "blank.txt", b" \r\n\t\n"))


@pytest.mark.parametrize("name", ["report.ppt", "report", "report.zip"])
def test_unknown_extension_is_unsupported(tmp_path, name):
    with pytest.raises(UnsupportedFile, match="not a report format"):
        read_document(write(tmp_path, name, REPORT.encode()))


def test_file_above_the_size_limit_is_rejected_unread(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no need to write 40 MB
    with pytest.raises(ReadError, match="MB"):
        read_document(path)


TABLE_PAGE = """<html><head><meta charset="gbk"><title>青岚省人民政府2020年政府信息公开工作年度报告</title>
<style>td { color: red }</style><script>var hidden = "脚本内容";</script></head>
<body><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td rowspan="2" colspan="2">本列数据的勾稽关系</td><td rowspan="2">自然人</td>
    <td colspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>其他</td></tr>
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>12</td><td>&nbsp;</td><td>1</td><td>13</td></tr>
</table>
<noscript>请启用脚本</noscript><p>五、存在的主要问题及改进情况</p></body></html>"""


def test_html_rowspan_and_colspan_fill_a_rectangular_grid(tmp_path):
    doc = read_document(write(tmp_path, "page.html", TABLE_PAGE.encode("gbk")))
    assert doc.encoding == "gb18030"
    (table,) = doc.tables
    assert table.rows == [
        ["本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "法人或其他组织", "法人或其他组织", "总计"],
        ["本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "商业企业", "其他", "总计"],
        ["一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "12", "", "1", "13"],
    ]
    assert table.where == "table 1"


def test_html_scripts_styles_and_head_are_not_text(tmp_path):
    doc = read_document(write(tmp_path, "page.html", TABLE_PAGE.encode("gbk")))
    assert "脚本内容" not in doc.text and "color" not in doc.text and "请启用脚本" not in doc.text
    # A blank cell keeps its place, since a blank in section 三 means 0 in that column.
    assert "一、本年新收政府信息公开申请数量 | 12 | | 1 | 13" in doc.text
    assert doc.text.splitlines()[-1] == "五、存在的主要问题及改进情况"
    assert doc.page_meta["页面标题"] == "青岚省人民政府2020年政府信息公开工作年度报告"


def test_html_nested_table_is_its_own_grid(tmp_path):
    page = "<table><tr><td>外</td><td><table><tr><td>内</td><td>7</td></tr></table></td></tr></table>"
    doc = read_document(write(tmp_path, "nested.html", page.encode()))
    assert [t.rows for t in doc.tables] == [[["外", "内 7"]], [["内", "7"]]]


def test_a_cells_inline_runs_read_as_the_browser_shows_them_and_its_paragraphs_stay_apart(tmp_path):
    # Word's HTML splits a number into runs where its characters were typed or formatted apart.
    page = (
        "<table><tr><td><span lang=EN-US>4</span><span lang=EN-US>8</span></td>"
        "<td><p>规章</p><p>0</p></td><td>总<b>计</b> 5<br>6</td>"
        "<td>48<sup>1</sup></td><td><del>45</del><ins>48</ins></td></tr></table>"
    )
    doc = read_document(write(tmp_path, "runs.html", page.encode()))
    # A footnote's mark and a revision's two values stay apart: run together they would be one number.
    assert doc.tables[0].rows == [["48", "规章 0", "总计 5 6", "48 1", "45 48"]]


def test_a_cell_holding_one_element_reads_as_the_browser_shows_it(tmp_path):
    page = (
        "<table><tr><td> <p>48</p> </td><td>总<b>计</b></td><td>合计<p>7</p></td>"
        "<td>12<br></td><td>4<sup>1</sup></td></tr></table>"
    )
    doc = read_document(write(tmp_path, "one.html", page.encode()))
    assert doc.tables[0].rows == [["48", "总计", "合计 7", "12", "4 1"]]


def test_the_page_text_keeps_a_footnote_mark_and_a_revision_apart_from_the_number_beside_them(tmp_path):
    page = "<p>本年新收政府信息公开申请48<sup>1</sup>件，答复<del>45</del><ins>48</ins>件。</p>"
    doc = read_document(write(tmp_path, "notes.html", page.encode()))
    assert "481" not in doc.text and "4548" not in doc.text
    assert "申请48 1 件" in doc.text and "答复 45 48 件" in doc.text


def test_truncated_html_is_still_read(tmp_path):
    cut = TABLE_PAGE[: TABLE_PAGE.index("<td>12</td>") + 6]
    doc = read_document(write(tmp_path, "cut.html", cut.encode("utf-8")))
    assert doc.tables[0].rows[-1][:3] == ["一、本年新收政府信息公开申请数量"] * 2 + ["12"]


def test_html_metadata_from_meta_tags_and_page_block(tmp_path):
    page = (
        '<html><head><meta name="ArticleTitle" content="云川市公安局2019年政府信息公开工作年度报告">'
        '<meta name="PubDate" content="2020-01-15"></head><body><div>发文机关:云川市公安局</div>'
        "<div>正文</div></body></html>"
    )
    doc = read_document(write(tmp_path, "meta.html", page.encode()))
    assert doc.page_meta["标题"] == "云川市公安局2019年政府信息公开工作年度报告"
    assert doc.page_meta["发布日期"] == "2020-01-15"
    assert doc.page_meta["发文机关"] == "云川市公安局"


def test_xhtml_with_xml_declaration_reads(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>主动公开政府信息12条</p></body></html>'
    doc = read_document(write(tmp_path, "x.htm", page.encode()))
    assert "主动公开政府信息12条" in doc.text


PAGE = (
    "<html><head><meta charset='utf-8'><title>示例县2022年政府信息公开工作年度报告</title></head>"
    "<body><p>示例县2022年政府信息公开工作年度报告</p><table><tr><td>行政许可</td><td>12</td></tr></table>"
    "</body></html>"
)


@pytest.mark.parametrize("name", ["t20230131_1.shtml", "index.xhtml", "show.jsp", "detail.aspx", "art.php"])
def test_web_pages_saved_under_any_page_suffix_are_read_as_html(tmp_path, name):
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert "示例县2022年政府信息公开工作年度报告" in doc.text
    assert doc.tables and doc.tables[0].rows[0] == ["行政许可", "12"]
    assert "<td>" not in doc.text


def test_a_script_page_suffix_holding_no_html_is_unsupported_with_the_reason(tmp_path):
    path = tmp_path / "download.jsp"
    path.write_bytes(b"%PDF-1.4 not a page")
    with pytest.raises(UnsupportedFile, match="holds no HTML"):
        read_document(path)
