"""Borderless tables in PDFs: section 四's row of numbers, printed without ruled lines and with its
zeros left blank, gets its blank cells back from where each number stands under the header."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from metrics.extract import extract_document
from metrics.readers.pdf import read_pdf

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)
COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def section4_pdf(row: list[str]) -> bytes:
    """Section 四 as a borderless table: group headers, fifteen column headers, one row."""
    header_groups = ["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9
    header_kinds = [""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4
    header_columns = COLUMNS * 3
    table = Table(
        [header_groups, header_kinds, header_columns, row],
        colWidths=[33] * 15,
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 7)]),
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [
            Paragraph("示例县人民政府2022年政府信息公开工作年度报告", BODY),
            Paragraph("四、政府信息公开行政复议、行政诉讼情况", BODY),
            table,
            Paragraph("五、存在的主要问题及改进情况", BODY),
        ]
    )
    return buffer.getvalue()


def section4_values(data: bytes, tmp_path) -> dict[str, int]:
    doc = read_pdf(str(tmp_path / "report.pdf"), data)
    facts = extract_document(doc).facts
    return {f.metric_id: f.value for f in facts if f.metric_id.startswith(("review_", "lit_"))}


def test_borderless_row_with_blank_zeros_reads_each_number_in_its_column(tmp_path):
    # 5 upheld and 2 pending reviews (7); 8 upheld and 1 pending lawsuits (9); none after review.
    row = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
    values = section4_values(section4_pdf(row), tmp_path)
    assert values["review_upheld"] == 5 and values["review_corrected"] == 0
    assert values["review_pending"] == 2 and values["review_total"] == 7
    assert values["lit_direct_upheld"] == 8 and values["lit_direct_pending"] == 1
    assert values["lit_direct_total"] == 9
    assert values["lit_after_review_total"] == 0


def test_borderless_row_printing_every_cell_is_left_as_printed(tmp_path):
    row = ["1", "0", "0", "0", "1", "2", "0", "0", "1", "3", "0", "0", "0", "0", "0"]
    doc = read_pdf(str(tmp_path / "report.pdf"), section4_pdf(row))
    assert "1 0 0 0 1 2 0 0 1 3 0 0 0 0 0" in doc.text
    values = section4_values(section4_pdf(row), tmp_path)
    assert values["lit_direct_total"] == 3
