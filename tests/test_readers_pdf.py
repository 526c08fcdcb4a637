"""The PDF reader, on PDFs written here with reportlab's built-in Chinese font."""

from __future__ import annotations

import io
from pathlib import Path

import conversion_zoo as zoo
import pytest
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from metrics.normalize import translate_radicals
from metrics.readers import ReadError
from metrics.readers.pdf import read_pdf

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)
HEADER = ["统计指标", "单位", "统计数"]


def footer(page_canvas, doc) -> None:
    page_canvas.setFont(FONT, 9)
    page_canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")


def grid_table(rows: list[list[str]], spans=(), repeat_header: bool = False) -> Table:
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    style += [("SPAN", start, end) for start, end in spans]
    return Table(rows, repeatRows=1 if repeat_header else 0, style=TableStyle(style))


def build_pdf(flowables, encrypt=None) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, encrypt=encrypt).build(
        flowables, onFirstPage=footer, onLaterPages=footer
    )
    return buffer.getvalue()


def data_rows(count: int) -> list[list[str]]:
    return [[f"第{n}项指标", "件", str(n)] for n in range(1, count + 1)]


def long_table_pdf(repeat_header: bool) -> bytes:
    story = [
        Paragraph("青岚省石桥县教育局2016年政府信息公开工作年度报告", BODY),
        Spacer(1, 300),
        grid_table([HEADER, *data_rows(60)], repeat_header=repeat_header),
        Paragraph("五、存在的主要问题及改进措施", BODY),
    ]
    return build_pdf(story)


@pytest.mark.parametrize("repeat_header", [False, True])
def test_table_split_across_pages_is_one_grid(repeat_header):
    doc = read_pdf("split.pdf", long_table_pdf(repeat_header))
    (table,) = doc.tables
    assert table.rows == [HEADER, *data_rows(60)]
    assert table.where.startswith("page 1, table 1 (continued on page 2")


def test_split_table_whose_first_page_has_only_merged_label_cells_is_joined():
    # Page 1 holds only rows whose label spans three columns, so it shows fewer column edges
    # than page 2; the fragments still lie on one ruling and join into one ten-row-wide grid.
    merged = [[f"{n}、合并标签", "", "", str(n)] for n in range(1, 36)]
    split = [["三、办理结果", f"({n})", f"{n}.细项", str(n)] for n in range(1, 21)]
    spans = [((0, r), (2, r)) for r in range(len(merged))]
    doc = read_pdf("merged-split.pdf", build_pdf([Spacer(1, 300), grid_table(merged + split, spans=spans)]))
    (table,) = doc.tables
    assert "continued on page 2" in table.where
    assert table.rows[0] == ["1、合并标签"] * 3 + ["1"]
    assert table.rows[-1] == ["三、办理结果", "(20)", "20.细项", "20"]
    assert len(table.rows) == 55


def test_text_keeps_reading_order_with_table_rows_as_cells():
    lines = read_pdf("split.pdf", long_table_pdf(False)).text.splitlines()
    assert lines[0] == "青岚省石桥县教育局2016年政府信息公开工作年度报告"
    assert lines[1] == "统计指标 | 单位 | 统计数"
    assert "第60项指标 | 件 | 60" in lines
    assert lines[-1] == "五、存在的主要问题及改进措施"


def test_page_footers_are_dropped():
    doc = read_pdf("split.pdf", long_table_pdf(False))
    assert "— 1 —" not in doc.text and "— 2 —" not in doc.text
    assert all("—" not in cell for table in doc.tables for row in table.rows for cell in row)


def test_a_new_table_at_the_top_of_a_page_stays_separate():
    other_header = ["信息内容", "本年制发件数", "现行有效件数"]
    story = [grid_table([HEADER, *data_rows(3)]), PageBreak(), grid_table([other_header, ["规章", "0", "2"]])]
    doc = read_pdf("two.pdf", build_pdf(story))
    assert [t.rows[0] for t in doc.tables] == [HEADER, other_header]
    assert [t.where for t in doc.tables] == ["page 1, table 1", "page 2, table 1"]


def test_merged_cells_repeat_their_text():
    rows = [
        ["信息内容", "申请人情况", "", ""],
        ["", "自然人", "法人或其他组织", "总计"],
        ["本年新收", "5", "2", "7"],
    ]
    story = [grid_table(rows, spans=[((0, 0), (0, 1)), ((1, 0), (3, 0))])]
    (table,) = read_pdf("merged.pdf", build_pdf(story)).tables
    assert table.rows == [
        ["信息内容", "申请人情况", "申请人情况", "申请人情况"],
        ["信息内容", "自然人", "法人或其他组织", "总计"],
        ["本年新收", "5", "2", "7"],
    ]


def test_wrapped_chinese_cell_text_is_joined_without_spaces():
    story = [grid_table([["本年新\n制作数量", "3"]])]
    (table,) = read_pdf("wrap.pdf", build_pdf(story)).tables
    assert table.rows == [["本年新制作数量", "3"]]


def test_page_metadata_block_is_read():
    story = [
        Paragraph("标题:云川市公安局2018年政府信息公开工作年度报告", BODY),
        Paragraph("发布日期:2019-03-20", BODY),
    ]
    doc = read_pdf("meta.pdf", build_pdf(story))
    assert doc.page_meta == {"标题": "云川市公安局2018年政府信息公开工作年度报告", "发布日期": "2019-03-20"}


def test_encrypted_pdf_asks_for_a_password():
    data = build_pdf(
        [Paragraph("机密", BODY)],
        encrypt=pdfencrypt.StandardEncryption("user-secret", ownerPassword="owner-secret"),
    )
    with pytest.raises(ReadError, match="encrypted and needs a password"):
        read_pdf("locked.pdf", data)


def test_pdf_with_only_an_owner_password_reads():
    data = build_pdf(
        [Paragraph("主动公开政府信息12条", BODY)],
        encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner-secret"),
    )
    assert "主动公开政府信息12条" in read_pdf("owner.pdf", data).text


def test_corrupt_pdf_is_reported_as_damaged():
    with pytest.raises(ReadError, match="the PDF is damaged"):
        read_pdf("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")


@pytest.mark.parametrize("keep", [0.3, 0.9])
def test_truncated_pdf_is_reported_as_damaged(keep):
    data = long_table_pdf(False)
    with pytest.raises(ReadError, match="the PDF is damaged"):
        read_pdf("truncated.pdf", data[: int(len(data) * keep)])


def test_pdf_whose_pages_hold_no_text_even_for_ocr_fails_with_that_reason():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.rect(100, 400, 300, 200, fill=1)  # stands in for a scanned page image
    page.showPage()
    page.save()
    # With the OCR engine the black box is read and holds nothing; without it, the reason says so.
    with pytest.raises(ReadError, match="neither a text layer nor text that OCR can read|OCR, which is not"):
        read_pdf("scan.pdf", buffer.getvalue())


# A table whose row a page break cut in two, as browsers print it: the row's part on each page is
# drawn with its column rules but without a rule where the page cut it, and every page carries the
# printer's running head and foot.
CUT_COLUMNS = [50, 300, 380, 460]


def _cut_table_page(page, number: int, rows: list[list[str]], top: float, open_top: bool, open_bottom: bool):
    page.setFont(FONT, 9)
    page.drawString(40, A4[1] - 30, "12/4/26, 1:37 PM 示例县人民政府2022年政府信息公开工作年度报告")
    page.drawString(40, 30, f"file:///tmp/report.html {number}/2")
    page.setFont(FONT, 10)
    height = 30
    bottom = top - height * len(rows)
    for i, row in enumerate(rows):
        y = top - height * i
        if i > 0 or not open_top:
            page.line(CUT_COLUMNS[0], y, CUT_COLUMNS[-1], y)
        for x, text in zip(CUT_COLUMNS, row, strict=False):
            page.drawString(x + 4, y - 20, text)
    if not open_bottom:
        page.line(CUT_COLUMNS[0], bottom, CUT_COLUMNS[-1], bottom)
    for x in CUT_COLUMNS:
        page.line(x, top, x, bottom)
    page.showPage()


def test_a_row_cut_by_a_page_break_is_kept_on_both_pages_and_the_table_joined():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    _cut_table_page(
        page,
        1,
        [["信息内容", "本年", "上年"], ["1.第一项", "1", "2"], ["2.被分页截断的第", "3", "4"]],
        top=300,
        open_top=False,
        open_bottom=True,
    )
    _cut_table_page(
        page, 2, [["二项", "", ""], ["3.第三项", "5", "6"]], top=A4[1] - 60, open_top=True, open_bottom=False
    )
    page.save()
    doc = read_pdf("cut.pdf", buffer.getvalue())
    (table,) = doc.tables
    assert ["2.被分页截断的第", "3", "4"] in table.rows and ["二项", "", ""] in table.rows
    assert table.rows[-1] == ["3.第三项", "5", "6"]
    assert "continued on page 2" in table.where


@pytest.mark.skipif(not Path(zoo.CHROMIUM).exists(), reason="Chromium is not installed (CI installs it)")
def test_digits_in_a_latin_font_stay_on_the_line_of_the_large_chinese_type_around_them(tmp_path):
    # Chromium's print of large type: the digits' Latin font stands some points lower than the
    # Chinese font of their line.
    page = tmp_path / "large.html"
    page.write_text(
        '<meta charset="utf-8"><body style="font-size:32px;font-family:serif">'
        "<p>示例镇人民政府2014年政府信息公开工作年度报告</p>"
        "<p>我镇主动公开政府信息数<b>160</b>条，其中综合政务59条。</p></body>",
        encoding="utf-8",
    )
    pdf = zoo.chromium_print(page, tmp_path / "large.pdf")
    text = read_pdf("large.pdf", pdf.read_bytes()).text
    assert "2014年政府信息公开" in text and "政府信息数160条" in text


def test_a_large_titles_year_stays_on_its_line_over_a_page_of_body_type(tmp_path):
    """The body's type sets most of the page's sizes; the title's own size still keeps its year, set
    in a Latin font some points lower, on the title's line."""
    page = tmp_path / "titled.html"
    body = "<p>" + "我镇认真贯彻落实条例要求，依法公开政府信息，保障群众知情权。" * 3 + "</p>"
    page.write_text(
        '<meta charset="utf-8"><body style="font-family:serif">'
        '<h1 style="font-size:32px">示例镇人民政府2022年政府信息公开工作年度报告</h1>'
        + body * 12
        + "</body>",
        encoding="utf-8",
    )
    pdf = zoo.chromium_print(page, tmp_path / "titled.pdf")
    # Chromium's fonts print some characters as their radicals (⼈ for 人), which the project reads alike.
    text = translate_radicals(read_pdf("titled.pdf", pdf.read_bytes()).text)
    assert "示例镇人民政府2022年政府信息公开工作年度报告" in text


def test_a_full_printed_line_goes_on_in_the_next_and_a_paragraphs_end_does_not(tmp_path):
    """A sentence the printer broke because the line was full is one line again; a paragraph that ends
    stays apart from the next one."""
    page = tmp_path / "wrapped.html"
    page.write_text(
        '<meta charset="utf-8"><body style="font-family:serif;font-size:16px;width:300px">'
        "<p>2022年，区政府办公室共收到政府信息公开申请8件，均为自然人申请，其中予以公开2件，部分公开2件。</p>"
        "<p>二、主动公开政府信息情况</p></body>",
        encoding="utf-8",
    )
    pdf = zoo.chromium_print(page, tmp_path / "wrapped.pdf")
    lines = translate_radicals(read_pdf("wrapped.pdf", pdf.read_bytes()).text).replace("，", ",").split("\n")
    assert (
        "2022年,区政府办公室共收到政府信息公开申请8件,均为自然人申请,其中予以公开2件,部分公开2件。" in lines
    )
    assert "二、主动公开政府信息情况" in lines


_NARROW_COLUMN = (
    '<meta charset="utf-8">'
    '<body style="font-family:serif;font-size:16px;line-height:24px;width:320px;margin:0">'
)


def _printed_lines(tmp_path, body: str) -> list[str]:
    page = tmp_path / "pages.html"
    page.write_text(_NARROW_COLUMN + body + "</body>", encoding="utf-8")
    pdf = zoo.chromium_print(page, tmp_path / "pages.pdf")
    return translate_radicals(read_pdf("pages.pdf", pdf.read_bytes()).text).replace("，", ",").split("\n")


def test_a_sentence_a_page_break_cuts_goes_on_over_the_printers_page_foot_and_head(tmp_path):
    """A paragraph longer than a page is one line again, though the printer's address, page number,
    time and title stand between its two halves."""
    paragraph = "本机关全年主动公开政府信息共计一百条,其中通过网站发布八十条," * 60  # three pages
    lines = _printed_lines(tmp_path, f"<p>{paragraph}</p><p>二、主动公开政府信息情况</p>")
    assert paragraph in lines
    assert "二、主动公开政府信息情况" in lines


def test_an_indented_paragraph_opening_a_page_stays_apart_from_the_full_line_ending_the_last(tmp_path):
    """A page that ends in a full line (two lines of exactly twenty characters, no full stop) and a
    new paragraph, indented, opening the next page: the two are not one sentence."""
    ending = "本机关全年主动公开政府信息共计一百条其中通过网站发布八十条另外通过公开栏发布二十"
    opening = "二是依申请公开政府信息情况。"
    lines = _printed_lines(
        tmp_path,
        f"<p>{ending}</p><p style='page-break-before:always;text-indent:2em'>{opening}</p>",
    )
    assert ending in lines
    assert opening in lines


def test_a_borderless_tables_unit_cells_are_not_joined_to_the_next_rows_label():
    """A statistics table printed without borders wraps its unit 万元 in two lines around the row's
    label; neither the lone '元' nor a label's last line set apart from its unit is a full line of prose
    going on in the next row's label."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(FONT, 12)
    for x, y, text in (
        (500, 700, "万"),
        (50, 691, "七、依申请公开信息收取的费用"),
        (540, 691, "0"),
        (500, 682, "元"),
        (50, 661, "八、机构建设和保障经费情况"),
        (50, 640, "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府"),
        (500, 640, "万"),
        (540, 631, "12.5"),
        (50, 622, "的经费）"),
        (500, 622, "元"),
        (50, 601, "九、政府信息公开会议和培训情况"),
    ):
        page.drawString(x, y, text)
    page.save()
    lines = read_pdf("r.pdf", buffer.getvalue()).text.split("\n")
    assert "八、机构建设和保障经费情况" in lines
    assert "九、政府信息公开会议和培训情况" in lines


def test_a_fifth_of_a_size_between_chinese_and_latin_text_is_no_space_in_large_type():
    """LibreOffice sets a gap of a fifth of the type size between Chinese and Latin text; at 24 points
    that is more than pdfplumber's fixed 3 points, yet no word ends there."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(FONT, 24)
    x = 50
    for piece, gap in (("现向社会公布", 4.8), ("2021", 4.8), ("年度报告", 0.0)):
        page.drawString(x, 700, piece)
        x += page.stringWidth(piece, FONT, 24) + gap
    page.save()
    assert "现向社会公布2021年度报告" in read_pdf("r.pdf", buffer.getvalue()).text


def test_the_title_of_the_pdfs_properties_is_kept():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle("示例县财政局2017年政府信息公开工作年度报告")
    page.setFont(FONT, 12)
    page.drawString(50, 700, "一、总体情况")
    page.save()
    assert (
        read_pdf("r.pdf", buffer.getvalue()).properties_title == "示例县财政局2017年政府信息公开工作年度报告"
    )
