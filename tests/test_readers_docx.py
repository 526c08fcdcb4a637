"""The Word reader, on documents written here with python-docx."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import libreoffice
import pytest
from lxml import etree

from metrics.readers import ReadError, read_document
from metrics.readers.docx import read_docx


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def standard_table_docx() -> bytes:
    """A cut-down section 三 header: 信息内容 merged down two rows, 法人或其他组织 across two columns."""
    document = docx.Document()
    document.add_paragraph("标题:东湖镇人民政府2021年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=4, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "信息内容"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "自然人"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "法人或其他组织"
    table.cell(0, 4).merge(table.cell(1, 4)).text = "总计"
    table.cell(1, 2).text = "商业企业"
    table.cell(1, 3).text = "其他"
    for col, value in enumerate(["一、本年新收政府信息公开申请数量", "9", "2", "1", "12"]):
        table.cell(2, col).text = value
    for col, value in enumerate(["二、上年结转政府信息公开申请数量", "0", "0", "0", "0"]):
        table.cell(3, col).text = value
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    return save(document)


def test_merged_cells_are_repeated_in_every_slot():
    (table,) = read_docx("merged.docx", standard_table_docx()).tables
    assert table.rows[:2] == [
        ["信息内容", "自然人", "法人或其他组织", "法人或其他组织", "总计"],
        ["信息内容", "自然人", "商业企业", "其他", "总计"],
    ]
    assert table.rows[2] == ["一、本年新收政府信息公开申请数量", "9", "2", "1", "12"]
    assert table.where == "table 1"


def test_text_has_paragraphs_and_table_rows_in_document_order():
    doc = read_docx("merged.docx", standard_table_docx())
    assert doc.text.splitlines() == [
        "标题:东湖镇人民政府2021年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "信息内容 | 自然人 | 法人或其他组织 | 总计",
        "商业企业 | 其他",
        "一、本年新收政府信息公开申请数量 | 9 | 2 | 1 | 12",
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    assert doc.page_meta["标题"] == "东湖镇人民政府2021年政府信息公开工作年度报告"


def test_nested_table_is_a_table_of_its_own():
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "第二十条第(一)项"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for (row, col), value in {
        (0, 0): "信息内容",
        (0, 1): "本年制发件数",
        (1, 0): "规章",
        (1, 1): "3",
    }.items():
        inner.cell(row, col).text = value
    doc = read_docx("nested.docx", save(document))
    assert [t.rows for t in doc.tables] == [
        [["第二十条第(一)项", ""]],
        [["信息内容", "本年制发件数"], ["规章", "3"]],
    ]
    assert doc.tables[1].where == "table 2 (nested in table 1)"
    assert doc.text.splitlines() == ["第二十条第(一)项 |", "信息内容 | 本年制发件数", "规章 | 3"]


# A text box in a flat OpenDocument file, anchored in the title's paragraph.
_TEXT_BOX_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>东湖镇人民政府2021年政府信息公开工作年度报告<draw:frame draw:name="box" text:anchor-type="paragraph"
 svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>全年共收到政府信息公开申请7件</text:p></draw:text-box>
</draw:frame></text:p>
<text:p>一、总体情况</text:p>
</office:text></office:body></office:document>
"""


def test_a_text_box_as_libreoffice_writes_it_is_read_once_on_a_line_of_its_own(tmp_path):
    """Word and LibreOffice write a text box twice (a DrawingML shape and its VML copy for older
    readers) inside the paragraph that anchors it: read as runs of that paragraph, the title ran on
    into the box's words, twice."""
    source = tmp_path / "report.fodt"
    source.write_text(_TEXT_BOX_FODT, encoding="utf-8")
    libreoffice.convert(source, "docx:MS Word 2007 XML", tmp_path)
    data = (tmp_path / "report.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert body.count("全年共收到政府信息公开申请") == 2  # the shape and its copy: what is tested here
    assert read_docx("report.docx", data).text.splitlines() == [
        "东湖镇人民政府2021年政府信息公开工作年度报告",
        "全年共收到政府信息公开申请7件",
        "一、总体情况",
    ]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _wrapped(element, tag: str) -> None:
    """Wrap `element` where it stands in a content control (w:sdt) or custom XML (w:customXml)."""
    wrapper = etree.Element(f"{{{_W}}}{tag}")
    inner = etree.SubElement(wrapper, f"{{{_W}}}sdtContent") if tag == "sdt" else wrapper
    element.addprevious(wrapper)
    inner.append(element)


def test_rows_cells_and_paragraphs_inside_content_controls_keep_their_places_in_the_grid():
    """A template's fields to fill in wrap rows, cells or a cell's paragraph in content controls
    or custom XML; skipped, a row was lost and a cell's number went to the next column."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, values in enumerate(
        [["信息内容", "自然人", "总计"], ["本年新收", "9", "12"], ["上年结转", "1", "2"]]
    ):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    rows = table._tbl.tr_lst
    cells = rows[1].tc_lst
    _wrapped(rows[2], "sdt")
    _wrapped(cells[1], "customXml")
    _wrapped(cells[2].p_lst[0], "sdt")
    (read,) = read_docx("template.docx", save(document)).tables
    assert read.rows == [["信息内容", "自然人", "总计"], ["本年新收", "9", "12"], ["上年结转", "1", "2"]]


def test_a_text_box_in_a_cell_is_read_once():
    """The box's VML copy (mc:Fallback) is not read: a cell's 7 stays 7, not 77."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "本年新收"
    run = table.cell(0, 1).paragraphs[0].add_run()
    box = f'<w:txbxContent xmlns:w="{_W}"><w:p><w:r><w:t>7</w:t></w:r></w:p></w:txbxContent>'
    run._r.append(
        etree.fromstring(
            f'<mc:AlternateContent xmlns:mc="{_MC}" xmlns:w="{_W}"><mc:Choice Requires="wps"><w:drawing>'
            f"{box}</w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict></mc:Fallback>"
            "</mc:AlternateContent>"
        )
    )
    doc = read_docx("box.docx", save(document))
    assert doc.tables[0].rows == [["本年新收", "7"]]
    assert doc.text.splitlines() == ["本年新收 | 7"]


def test_text_a_tracked_change_moved_away_or_deleted_is_not_read():
    """Word writes a tracked move twice, where the text was (w:moveFrom, as w:t) and where it went
    (w:moveTo); some writers put deleted text in w:t as well. The report says what is left."""
    document = docx.Document()
    paragraph = document.add_paragraph("全年共收到申请")._p
    for change in (
        f'<w:moveTo xmlns:w="{_W}" w:id="1" w:author="a"><w:r><w:t>7件</w:t></w:r></w:moveTo>',
        f'<w:del xmlns:w="{_W}" w:id="2" w:author="a"><w:r><w:t>8件</w:t></w:r></w:del>',
    ):
        paragraph.append(etree.fromstring(change))
    moved_from = document.add_paragraph("其中")._p
    moved_from.append(
        etree.fromstring(
            f'<w:moveFrom xmlns:w="{_W}" w:id="3" w:author="a"><w:r><w:t>7件</w:t></w:r></w:moveFrom>'
        )
    )
    assert read_docx("tracked.docx", save(document)).text.splitlines() == ["全年共收到申请7件", "其中"]


def test_not_a_zip_is_rejected():
    with pytest.raises(ReadError, match="not a Word document"):
        read_docx("fake.docx", "这不是文档".encode())


def test_old_binary_doc_given_to_the_docx_reader_itself_is_explained():
    with pytest.raises(ReadError, match=r"old binary Word \(.doc\)"):
        read_docx("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))


def test_old_word_file_renamed_docx_is_read_through_libreoffice(tmp_path):
    data = standard_table_docx()
    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(libreoffice_copy(tmp_path, data, "doc").read_bytes())
    assert read_document(renamed).tables[0].rows == read_docx("merged.docx", data).tables[0].rows


def test_truncated_docx_is_rejected():
    data = standard_table_docx()
    with pytest.raises(ReadError, match="truncated or damaged"):
        read_docx("cut.docx", data[: len(data) // 2])


def test_zip_that_is_not_a_word_document_is_rejected():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReadError, match="damaged or incomplete"):
        read_docx("zip.docx", buffer.getvalue())


def test_document_without_text_is_rejected():
    with pytest.raises(ReadError, match="no text"):
        read_docx("blank.docx", save(docx.Document()))


def libreoffice_copy(tmp_path, data: bytes, suffix: str) -> Path:
    """The docx saved by LibreOffice as an old Word (.doc) or RTF file."""
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    libreoffice.convert(source, suffix, tmp_path)
    return tmp_path / f"report.{suffix}"


@pytest.mark.parametrize("suffix", ["doc", "rtf"])
def test_old_word_and_rtf_files_read_like_the_docx_they_were_saved_from(tmp_path, suffix):
    data = standard_table_docx()
    path = libreoffice_copy(tmp_path, data, suffix)
    doc = read_document(path)
    (table,) = doc.tables
    assert table.rows == read_docx("merged.docx", data).tables[0].rows
    assert "一、本年新收政府信息公开申请数量 | 9 | 2 | 1 | 12" in doc.text.splitlines()


@pytest.mark.parametrize("container", ["doc", "docx"])
def test_a_kingsoft_writer_wps_file_reads_like_the_word_file_of_its_container(tmp_path, container):
    """WPS Office's .wps holds Word's binary format (older versions) or a .docx's zip (newer ones)."""
    data = standard_table_docx()
    source = libreoffice_copy(tmp_path, data, "doc") if container == "doc" else None
    wps = tmp_path / "report.wps"
    wps.write_bytes(source.read_bytes() if source else data)
    (table,) = read_document(wps).tables
    assert table.rows == read_docx("merged.docx", data).tables[0].rows


def test_old_word_file_without_libreoffice_fails_with_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="LibreOffice"):
        read_document(path)


def test_word_web_page_and_docx_saved_as_doc_are_read_as_what_they_are(tmp_path):
    page = tmp_path / "page.doc"
    page.write_text("<html><body><p>示例镇2022年政府信息公开工作年度报告</p></body></html>", encoding="utf-8")
    assert "示例镇2022年政府信息公开工作年度报告" in read_document(page).text
    renamed = tmp_path / "renamed.doc"
    renamed.write_bytes(standard_table_docx())
    assert read_document(renamed).tables[0].rows[2][0] == "一、本年新收政府信息公开申请数量"


def test_the_title_of_the_word_files_properties_is_kept():
    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.core_properties.title = "示例县财政局2017年政府信息公开工作年度报告"
    assert (
        read_docx("r.docx", save(document)).properties_title == "示例县财政局2017年政府信息公开工作年度报告"
    )
