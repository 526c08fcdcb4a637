"""Borderless tables in PDFs: rows of sections 三 and 四, printed without ruled lines and with their
zeros left blank, get their blank cells back from where each number stands under the header."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from metrics.extract import extract_document
from metrics.readers.pdf import read_pdf
from metrics.templates import REQUESTER_COLUMNS, section3_rows

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


# Section 三 of the 2021 form as printed by a table without ruled lines: a label column, then the
# seven requester columns under a two-line header.
REQUESTERS = [zh for _, zh, _ in REQUESTER_COLUMNS]
SECTION3_LABELS = {row.metric_id: row.labels[0] for row in section3_rows("std2021")}


def section3_pdf(
    rows: dict[str, list[str]], header_pieces: list[str] | None = None, padding: int = 6
) -> bytes:
    """`rows`: metric id -> its seven cells ('' for a blank); rows not given print blank. The header's
    organisation columns are `header_pieces` when given (its cells set close enough to run together)."""
    size = 6
    organisations = header_pieces or REQUESTERS[1:6]
    widths = [230] + [max(len(zh) * size + 2 * padding, 24) for zh in [REQUESTERS[0], *organisations, "总计"]]
    header = [
        ["", "申请人情况"] + [""] * 6,
        ["", REQUESTERS[0], "法人或其他组织", "", "", "", "", "总计"],
        ["", "", *organisations, ""],
    ]
    body = [[SECTION3_LABELS[m], *rows.get(m, [""] * 7)] for m in SECTION3_LABELS]
    table = Table(
        header + body,
        colWidths=widths,
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("LEFTPADDING", (0, 0), (-1, -1), padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), padding),
            ]
        ),
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20, rightMargin=20).build(
        [
            Paragraph("示例县人民政府2022年政府信息公开工作年度报告", BODY),
            Paragraph("三、收到和处理政府信息公开申请情况", BODY),
            table,
            Paragraph("四、政府信息公开行政复议、行政诉讼情况", BODY),
        ]
    )
    return buffer.getvalue()


def section3_values(data: bytes, tmp_path) -> dict[tuple[str, str], int]:
    doc = read_pdf(str(tmp_path / "report.pdf"), data)
    return {(f.metric_id, f.column): f.value for f in extract_document(doc).facts}


# 40 people and 8 organisations (5 businesses, 1 legal service, 2 other) asked; 20 + 3 granted in
# full, 4 partly, 9 + 1 not held, 3 petitions; 7 carried over. Every other cell is blank.
SECTION3_ROWS = {
    "requests_new": ["40", "5", "", "", "1", "2", "48"],
    "outcome_granted": ["20", "2", "", "", "", "1", "23"],
    "outcome_partial": ["4", "", "", "", "", "", "4"],
    "unable_not_held": ["9", "1", "", "", "", "", "10"],
    "np_petition": ["3", "", "", "", "", "", "3"],
    "outcome_total": ["36", "3", "", "", "", "1", "40"],
    "requests_carried_forward": ["4", "2", "", "", "1", "1", "8"],
}


def test_borderless_section3_with_blank_zeros_reads_each_number_in_its_column(tmp_path):
    values = section3_values(section3_pdf(SECTION3_ROWS), tmp_path)
    assert values[("requests_new", "natural_person")] == 40
    assert values[("requests_new", "legal_service")] == 1 and values[("requests_new", "other_org")] == 2
    assert values[("requests_new", "research")] == 0
    assert values[("requests_new", "total")] == 48
    assert values[("outcome_granted", "other_org")] == 1 and values[("outcome_granted", "total")] == 23
    assert values[("unable_not_held", "commercial")] == 1
    assert values[("requests_carried_forward", "total")] == 8
    # Rows printed wholly blank in a table that leaves its zeros blank are zeros.
    assert values[("denied_state_secret", "total")] == 0
    assert values[("outcome_denied", "total")] == 0


def test_header_labels_run_together_are_split_into_their_columns(tmp_path):
    # Cells without padding set the organisation headers touching: 商业企业科研机构社会公益组织…
    data = section3_pdf(SECTION3_ROWS, padding=0)
    doc = read_pdf(str(tmp_path / "report.pdf"), data)
    assert "商业企业科研机构社会公益组织法律服务机构其他" in doc.text.replace(" ", "")
    values = section3_values(data, tmp_path)
    assert values[("requests_new", "legal_service")] == 1 and values[("requests_new", "other_org")] == 2
    assert values[("requests_new", "total")] == 48


def test_borderless_section3_row_that_does_not_add_up_is_not_placed(tmp_path):
    # 40 + 5 + 1 + 2 is 48, not the 50 printed as 总计: where the numbers belong is not certain.
    rows = dict(SECTION3_ROWS, requests_new=["40", "5", "", "", "1", "2", "50"])
    doc = read_pdf(str(tmp_path / "report.pdf"), section3_pdf(rows))
    line = next(line for line in doc.text.splitlines() if SECTION3_LABELS["requests_new"] in line)
    assert "|" not in line and line.endswith("40 5 1 2 50")
    values = section3_values(section3_pdf(rows), tmp_path)
    assert ("requests_new", "legal_service") not in values
