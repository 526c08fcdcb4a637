"""Scanned reports: image-only PDFs and pictures of pages are read by OCR, on a small report page drawn
here (title, section 二's first table with its ruling lines) with a Chinese font."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from metrics.extract import extract_file
from metrics.normalize import to_traditional
from metrics.readers import ReadError, ocr, read_document

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
needs_font = pytest.mark.skipif(
    not FONT.is_file(), reason=f"the Chinese font {FONT} is missing (fonts-noto-cjk)"
)
needs_engine = pytest.mark.skipif(
    not ocr.engine_installed(), reason=f"the OCR engine is not installed: {ocr.INSTALL_HINT}"
)

TITLE = "青岚省石桥县教育局2020年政府信息公开工作年度报告"
HEADINGS = ["一、总体情况", "本年度主动公开政府信息，依法受理政府信息公开申请。", "二、主动公开政府信息情况"]
# Section 二's first table: (label, 本年新制作数量, 本年新公开数量, 对外公开总数量).
TABLE = [("规章", "3", "2", "17"), ("规范性文件", "45", "41", "268")]
FIGURES = {
    "rules_issued": 3,
    "rules_published": 2,
    "rules_in_force": 17,
    "normative_issued": 45,
    "normative_published": 41,
    "normative_in_force": 268,
}


def report_page(script: Callable[[str], str] = str) -> Image.Image:
    """A page as a scanner at about 150 dpi sees it: 10.5 pt text, a ruled table with a merged header;
    its words written by `script` (in traditional characters, say)."""
    page = Image.new("L", (1100, 720), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 24)
    draw.text((120, 40), script(TITLE), font=font, fill=0)
    for n, line in enumerate(HEADINGS):
        draw.text((60, 110 + 50 * n), script(line), font=font, fill=0)
    xs, top, height = [60, 300, 540, 780, 1020], 280, 50
    rows = [
        ("第二十条第（一）项",),
        ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        *TABLE,
    ]
    for r, cells in enumerate(rows):
        y = top + r * height
        draw.line((xs[0], y, xs[-1], y), fill=0, width=2)
        edges = xs if len(cells) > 1 else [xs[0], xs[-1]]  # the first row is one merged cell
        for c, text in enumerate(cells):
            draw.text(
                ((edges[c] + edges[c + 1]) / 2, y + height / 2), script(text), font=font, fill=0, anchor="mm"
            )
        for x in edges:
            draw.line((x, y, x, y + height), fill=0, width=2)
    bottom = top + len(rows) * height
    draw.line((xs[0], bottom, xs[-1], bottom), fill=0, width=2)
    return page


def image_only_pdf(path: Path) -> Path:
    report_page().convert("RGB").save(path, resolution=150)
    return path


def png(path: Path) -> Path:
    report_page().save(path)
    return path


@needs_font
@needs_engine
def test_an_image_only_pdf_is_read_by_ocr_and_gives_its_table_figures(tmp_path):
    extraction = extract_file(str(image_only_pdf(tmp_path / "scan.pdf")))
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert extraction.meta.year == 2020


@needs_font
@needs_engine
def test_a_picture_of_a_report_page_is_read_with_a_note_that_it_was_ocrd(tmp_path):
    doc = read_document(png(tmp_path / "page.png"))
    assert doc.text.startswith("[OCR: page 1, read from a scanned image")
    assert TITLE in doc.text
    assert ["规范性文件", "45", "41", "268"] in doc.tables[0].rows
    assert doc.tables[0].where == "page 1 (OCR), table 1"


@needs_font
@needs_engine
def test_a_scan_in_traditional_characters_is_read_whole_and_gives_its_table_figures(tmp_path):
    # 規範性文件 ('規範性文件 | 45 | 41 | 268'): PP-OCRv4's recogniser lacks 範 and would read 規性文件,
    # which names no row; the page is read again with PP-OCRv5's.
    report_page(to_traditional).convert("RGB").save(tmp_path / "scan.pdf", resolution=150)
    doc = read_document(tmp_path / "scan.pdf")
    assert ["規範性文件", "45", "41", "268"] in doc.tables[0].rows
    extraction = extract_file(str(tmp_path / "scan.pdf"))
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert extraction.meta.year == 2020


@needs_font
@needs_engine
def test_a_scan_in_simplified_characters_is_read_once_by_the_simplified_recogniser(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "_traditional_engine", no_engine)
    doc = read_document(image_only_pdf(tmp_path / "scan.pdf"))
    assert ["规范性文件", "45", "41", "268"] in doc.tables[0].rows


@needs_font
def test_an_image_above_the_pixel_budget_fails_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "SETTINGS", dataclasses.replace(ocr.SETTINGS, max_pixels=500_000))
    with pytest.raises(ReadError, match="1100×720 pixels, more than the 0 megapixels"):
        read_document(png(tmp_path / "page.png"))


@needs_font
@needs_engine
def test_a_scan_that_outruns_the_time_budget_fails_with_the_page_reached(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "SETTINGS", dataclasses.replace(ocr.SETTINGS, seconds_per_page=0.0))
    with pytest.raises(ReadError, match="OCR stopped at page 1"):
        read_document(image_only_pdf(tmp_path / "scan.pdf"))


@needs_font
@pytest.mark.parametrize("name", ["scan.pdf", "page.png"])
def test_without_the_ocr_engine_a_scan_fails_naming_what_to_install(tmp_path, monkeypatch, name):
    monkeypatch.setattr(ocr, "engine_installed", lambda: False)
    path = image_only_pdf(tmp_path / name) if name.endswith(".pdf") else png(tmp_path / name)
    with pytest.raises(
        ReadError, match="needs OCR, which is not installed: pip install rapidocr-onnxruntime"
    ):
        read_document(path)


def test_a_picture_that_is_not_an_image_fails_as_unreadable(tmp_path):
    path = tmp_path / "page.jpg"
    path.write_bytes(b"not a picture at all")
    with pytest.raises(ReadError, match="the image cannot be read"):
        read_document(path)


def spaced_table_page() -> tuple[Image.Image, list[ocr.Box]]:
    """A table printed as an HTML table with a border and cell spacing is (a frame, and each cell its
    own box, 2 px from its neighbours) and scanned sharp, so that no blur joins the borders of
    neighbouring cells; its last column is narrower than the lines looked for on the whole page. With
    it, the engine's boxes for its text: a header row over a row whose last cell is blank."""
    page = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(page)
    xs, ys = [40, 240, 440, 484], [60, 130, 190]
    draw.rectangle((xs[0] - 1, ys[0] - 1, xs[-1] + 1, ys[-1] + 1), outline=0)
    rows = [("名称", "数量", "计"), ("规章", "3", "")]
    boxes = []
    for (top, bottom), row in zip(zip(ys, ys[1:], strict=False), rows, strict=True):
        for (left, right), text in zip(zip(xs, xs[1:], strict=False), row, strict=True):
            draw.rectangle((left + 1, top + 1, right - 1, bottom - 1), outline=0)
            x, y = (left + right) / 2, (top + bottom) / 2
            if text:
                boxes.append(ocr.Box(x - 13, y - 13, x + 13, y + 13, text, 1.0))
    return page, boxes


def no_engine(*args, **kwargs):
    raise AssertionError("an engine the test rules out was called")


def test_a_narrow_columns_own_cell_border_separates_its_cells():
    page, boxes = spaced_table_page()
    read = ocr._layout(np.asarray(page), boxes, [], "page 1")
    assert read.tables[0].rows == [["名称", "数量", "计"], ["规章", "3", ""]]


def test_a_figure_that_still_reads_with_a_stray_point_when_read_alone_is_unreadable(monkeypatch):
    # "1." in a row of figures is a speck beside a 1, or a 1.5 that lost its 5: a guess either way,
    # and the extractors would take it for a row's numbering and the cell for a blank, that is 0.
    page, boxes = spaced_table_page()
    boxes = [ocr.Box(b.x0, b.y0, b.x1, b.y1, "1." if b.text == "3" else b.text, 1.0) for b in boxes]
    monkeypatch.setattr(ocr, "_reread", lambda bounds, scan: ("1.", 0.9))
    read = ocr._layout(np.asarray(page), boxes, [], "page 1")
    assert read.tables[0].rows[1][1] == ocr.UNREADABLE


def test_a_figure_read_across_its_cells_line_is_read_again_within_the_lines(monkeypatch):
    # A 0 set against its narrow cell's left line, on a smeared scan, was read "10": the line taken for
    # a 1. The piece of the reading that lies across the line sends the cell to be read again within
    # its lines (whose own pixels are painted out), as a figure read with a stray letter is.
    page, boxes = spaced_table_page()
    number = next(b for b in boxes if b.text == "3")
    line = 240  # the line between 规章 and its figure
    pieces = [
        ocr.Box(line - 4, number.y0, line + 6, number.y1, "1", 1.0),
        dataclasses.replace(number, pieces=[]),
    ]
    across = ocr.Box(line - 4, number.y0, number.x1, number.y1, "13", 1.0, pieces=pieces)
    boxes = [across if b is number else b for b in boxes]
    reread = []
    monkeypatch.setattr(ocr, "_reread", lambda bounds, scan: reread.append(bounds) or ("3", 0.95))
    read = ocr._layout(np.asarray(page), boxes, [], "page 1")
    assert read.tables[0].rows[1][:2] == ["规章", "3"]
    assert any(x0 < number.mid_x < x1 and y0 < number.mid_y < y1 for x0, y0, x1, y1 in reread)


def line_of(text: str, top: float, right: float, left: float = 40) -> list[ocr.Box]:
    return [ocr.Box(left, top, right, top + 24, text, 1.0)]


def test_a_prose_line_broken_because_it_was_full_goes_on_in_the_next_line():
    # A scan keeps the printed lines; the agency's name or a sentence's count broken over two of them
    # ('…地方志办公室2023年政府信息公' / '开工作年度报告') was lost to the rules that read them.
    rows = [
        line_of("一、总体情况", 100, 200),
        line_of("现公布青岚省石桥县教育局2023年政府信息公", 130, 560),
        line_of("开工作年度报告。本报告由六部分组成，数据的统计", 160, 558),
        line_of("期限为全年。", 190, 180),
        line_of("全年共收到政府信息公开申请7件，均已按期答复。", 220, 559),
        line_of("二、主动公开政府信息情况", 250, 300),
    ]
    assert [text for _, text in ocr._lines(rows)] == [
        "一、总体情况",
        "现公布青岚省石桥县教育局2023年政府信息公开工作年度报告。本报告由六部分组成，数据的统计期限为全年。",
        "全年共收到政府信息公开申请7件，均已按期答复。",
        "二、主动公开政府信息情况",
    ]
