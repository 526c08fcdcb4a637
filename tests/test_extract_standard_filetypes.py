"""Standard-layout reports (std2019, std2021) as Word and PDF files, and their statistics tables as
a workbook (.xlsx, and LibreOffice's .xls of it), through the whole pipeline
(metrics.extract.extract_file): every printed figure must come out, whatever the file type.

The reports are invented here and internally consistent. Their tables are laid out like the official
template: merged header cells over the requester columns, the 三、本年度办理结果 label spanning its
sub-rows, blank cells for zero, and in the PDF the big table runs over a page break.
"""

from __future__ import annotations

import email.policy
import quopri
from dataclasses import dataclass, field
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import chromium
import docx
import libreoffice
import openpyxl
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from metrics import formats
from metrics.extract import extract_file
from metrics.readers import read_document
from metrics.templates import REQUESTER_COLUMNS, SECTION4_COLUMNS, SECTION4_GROUPS

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14)
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=9)
COLUMNS = tuple(c for c, _, _ in REQUESTER_COLUMNS)


@dataclass
class Grid:
    """A table as the writers lay it out: text in the top-left slot of each merged region."""

    cells: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (row0, col0, row1, col1)

    def add(self, row: list[str], merges: tuple[tuple[int, int], ...] = ()) -> None:
        """Append a row; `merges` are (first column, last column) spans within it."""
        r = len(self.cells)
        self.cells.append(row)
        self.merges += [(r, c0, r, c1) for c0, c1 in merges]


# --- the invented figures -------------------------------------------------------------------------

# Section 三 leaf rows: (metric, sub-row label, parent label), six requester cells (总计 is their sum).
LEAVES_2019 = (
    ("outcome_granted", "(一)予以公开", "", (20, 3, 0, 1, 0, 1)),
    ("outcome_partial", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "", (5, 1, 0, 0, 0, 0)),
    ("denied_state_secret", "1.属于国家秘密", "(三)不予公开", (1, 0, 0, 0, 0, 0)),
    ("denied_law_forbidden", "2.其他法律行政法规禁止公开", "(三)不予公开", (0, 0, 0, 0, 0, 0)),
    ("denied_security_stability", "3.危及“三安全一稳定”", "(三)不予公开", (0, 0, 0, 0, 0, 0)),
    ("denied_third_party", "4.保护第三方合法权益", "(三)不予公开", (2, 0, 0, 0, 1, 0)),
    ("denied_internal_affairs", "5.属于三类内部事务信息", "(三)不予公开", (0, 1, 0, 0, 0, 0)),
    ("denied_process_info", "6.属于四类过程性信息", "(三)不予公开", (3, 0, 0, 0, 0, 0)),
    ("denied_enforcement_file", "7.属于行政执法案卷", "(三)不予公开", (0, 0, 0, 0, 0, 0)),
    ("denied_query_matter", "8.属于行政查询事项", "(三)不予公开", (1, 0, 0, 0, 0, 0)),
    ("unable_not_held", "1.本机关不掌握相关政府信息", "(四)无法提供", (6, 1, 0, 0, 0, 0)),
    ("unable_needs_creation", "2.没有现成信息需要另行制作", "(四)无法提供", (1, 0, 0, 0, 0, 0)),
    ("unable_unclear", "3.补正后申请内容仍不明确", "(四)无法提供", (0, 0, 0, 0, 0, 1)),
    ("np_petition", "1.信访举报投诉类申请", "(五)不予处理", (2, 0, 0, 0, 0, 0)),
    ("np_duplicate", "2.重复申请", "(五)不予处理", (1, 0, 0, 0, 0, 0)),
    ("np_publication", "3.要求提供公开出版物", "(五)不予处理", (0, 0, 0, 0, 0, 0)),
    ("np_mass_repeat", "4.无正当理由大量反复申请", "(五)不予处理", (0, 0, 0, 0, 0, 0)),
    ("np_confirmation", "5.要求行政机关确认或重新出具已获取信息", "(五)不予处理", (1, 0, 0, 0, 0, 0)),
)
OTHER_2019 = (("outcome_other", "(六)其他处理", "", (2, 0, 0, 0, 1, 0)),)
OTHER_2021 = (
    (
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "(六)其他处理",
        (1, 0, 0, 0, 0, 0),
    ),
    (
        "other_unpaid_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "(六)其他处理",
        (0, 0, 0, 0, 1, 0),
    ),
    ("other_misc", "3.其他", "(六)其他处理", (1, 0, 0, 0, 0, 0)),
)
CARRIED_OVER = (2, 0, 0, 0, 0, 0)
CARRIED_FORWARD = (3, 0, 0, 1, 0, 0)
PARENTS = {
    "(三)不予公开": "outcome_denied",
    "(四)无法提供": "outcome_unable",
    "(五)不予处理": "outcome_not_processed",
    "(六)其他处理": "outcome_other",
}
SECTION4 = ((1, 1, 0, 1, 3), (2, 0, 1, 0, 3), (0, 0, 0, 1, 1))

# Section 二: (item, header cells, rows of (label, cells)), and the figures they state.
SECTION2_2019 = (
    (
        "第二十条第(一)项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (("规章", ("0", "0", "3")), ("规范性文件", ("4", "4", "27"))),
    ),
    (
        "第二十条第(五)项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政许可", ("12", "-2", "350")), ("其他对外管理服务事项", ("5", "0", "41"))),
    ),
    (
        "第二十条第(六)项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        (("行政处罚", ("20", "1", "88")), ("行政强制", ("3", "0", "6"))),
    ),
    ("第二十条第(八)项", ("上一年项目数量", "本年增/减"), (("行政事业性收费", ("2", "0")),)),
    ("第二十条第(九)项", ("采购项目数量", "采购总金额"), (("政府集中采购", ("7", "251000元")),)),
)
FIGURES2_2019 = {
    "rules_issued": 0,
    "rules_published": 0,
    "rules_in_force": 3,
    "normative_issued": 4,
    "normative_published": 4,
    "normative_in_force": 27,
    "licensing_items_last_year": 12,
    "licensing_items_change": -2,
    "licensing_decisions": 350,
    "other_services_items_last_year": 5,
    "other_services_items_change": 0,
    "other_services_decisions": 41,
    "penalty_items_last_year": 20,
    "penalty_items_change": 1,
    "penalty_decisions": 88,
    "coercion_items_last_year": 3,
    "coercion_items_change": 0,
    "coercion_decisions": 6,
    "fees_items_last_year": 2,
    "fees_items_change": 0,
    "procurement_projects": 7,
    "procurement_amount_10k_yuan": 25.1,
}
SECTION2_2021 = (
    (
        "第二十条第(一)项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        (("规章", ("1", "0", "5")), ("行政规范性文件", ("6", "2", "40"))),
    ),
    ("第二十条第(五)项", ("本年处理决定数量",), (("行政许可", ("1523",)),)),
    ("第二十条第(六)项", ("本年处理决定数量",), (("行政处罚", ("96",)), ("行政强制", ("4",)))),
    ("第二十条第(八)项", ("本年收费金额(单位:万元)",), (("行政事业性收费", ("12.5",)),)),
)
FIGURES2_2021 = {
    "rules_issued": 1,
    "rules_abolished": 0,
    "rules_in_force": 5,
    "normative_issued": 6,
    "normative_abolished": 2,
    "normative_in_force": 40,
    "licensing_decisions": 1523,
    "penalty_decisions": 96,
    "coercion_decisions": 4,
    "fees_collected_10k_yuan": 12.5,
}


@dataclass(frozen=True)
class Report:
    fmt: str
    title: str
    agency: str
    year: int
    section2: tuple
    leaves: tuple
    figures2: dict


REPORTS = {
    formats.STD2019: Report(
        formats.STD2019,
        "示例市交通运输局2020年政府信息公开工作年度报告",
        "示例市交通运输局",
        2020,
        SECTION2_2019,
        LEAVES_2019 + OTHER_2019,
        FIGURES2_2019,
    ),
    formats.STD2021: Report(
        formats.STD2021,
        "示例县人民政府办公室2023年政府信息公开工作年度报告",
        "示例县人民政府办公室",
        2023,
        SECTION2_2021,
        LEAVES_2019 + OTHER_2021,
        FIGURES2_2021,
    ),
}


def with_total(six: tuple[int, ...]) -> tuple[int, ...]:
    return (*six, sum(six))


def column_sums(rows: list[tuple[int, ...]]) -> tuple[int, ...]:
    return tuple(sum(col) for col in zip(*rows, strict=True)) if rows else (0,) * 6


def section3_rows(report: Report) -> dict[str, tuple[int, ...]]:
    """Every section 三 figure, seven columns a row: printed rows, parents and the balance rows."""
    rows = {metric: with_total(six) for metric, _, _, six in report.leaves}
    for parent_label, parent in PARENTS.items():
        kids = [six for _, _, p, six in report.leaves if p == parent_label]
        if kids:
            rows[parent] = with_total(column_sums(kids))
    answered = column_sums([six for _, _, _, six in report.leaves])
    rows["outcome_total"] = with_total(answered)
    rows["requests_carried_over"] = with_total(CARRIED_OVER)
    rows["requests_carried_forward"] = with_total(CARRIED_FORWARD)
    rows["requests_new"] = with_total(
        tuple(a + f - o for a, f, o in zip(answered, CARRIED_FORWARD, CARRIED_OVER, strict=True))
    )
    return rows


def expected_cells(report: Report) -> dict[tuple[str, str], float]:
    out = {(metric, "total"): value for metric, value in report.figures2.items()}
    for metric, values in section3_rows(report).items():
        out.update({(metric, column): value for column, value in zip(COLUMNS, values, strict=True)})
    for (group, _), values in zip(SECTION4_GROUPS, SECTION4, strict=True):
        out.update(
            {
                (f"{group}_{column}", "total"): value
                for (column, _), value in zip(SECTION4_COLUMNS, values, strict=True)
            }
        )
    return out


# --- the tables -----------------------------------------------------------------------------------


def shown(value: int) -> str:
    """Zeros print as blank cells, as many reports print them."""
    return str(value) if value else ""


def section2_grid(report: Report) -> Grid:
    grid = Grid([])
    for item, headers, rows in report.section2:
        grid.add([item, "", "", ""], ((0, 3),))
        grid.add(
            ["信息内容", *headers, *[""] * (3 - len(headers))],
            ((len(headers), 3),) if len(headers) < 3 else (),
        )
        for label, values in rows:
            grid.add(
                [label, *values, *[""] * (3 - len(values))], ((len(values), 3),) if len(values) < 3 else ()
            )
    return grid


def section3_grid(report: Report) -> Grid:
    rows = section3_rows(report)
    note = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    grid = Grid(
        [
            [note, "", "", "申请人情况", *[""] * 6],
            ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
            ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
        ],
        [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)],
    )
    for label, metric in (
        ("一、本年新收政府信息公开申请数量", "requests_new"),
        ("二、上年结转政府信息公开申请数量", "requests_carried_over"),
    ):
        grid.add([label, "", "", *map(shown, rows[metric])], ((0, 2),))
    first = len(grid.cells)
    parent_start: dict[str, int] = {}
    for metric, label, parent, _ in report.leaves:
        r = len(grid.cells)
        if parent:
            parent_start.setdefault(parent, r)
            grid.add(["", parent if parent_start[parent] == r else "", label, *map(shown, rows[metric])])
        else:
            grid.add(["", label, "", *map(shown, rows[metric])], ((1, 2),))
    grid.add(["", "(七)总计", "", *map(shown, rows["outcome_total"])], ((1, 2),))
    grid.cells[first][0] = "三、本年度办理结果"
    grid.merges.append((first, 0, len(grid.cells) - 1, 0))
    for parent, start in parent_start.items():
        count = sum(1 for _, _, p, _ in report.leaves if p == parent)
        grid.merges.append((start, 1, start + count - 1, 1))
    grid.add(["四、结转下年度继续办理", "", "", *map(shown, rows["requests_carried_forward"])], ((0, 2),))
    return grid


def section4_grid() -> Grid:
    columns = [zh for _, zh in SECTION4_COLUMNS]
    grid = Grid(
        [
            ["行政复议", *[""] * 4, "行政诉讼", *[""] * 9],
            [*columns, "未经复议直接起诉", *[""] * 4, "复议后起诉", *[""] * 4],
            [*[""] * 5, *columns, *columns],
        ],
        [(0, 0, 0, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)] + [(1, c, 2, c) for c in range(5)],
    )
    grid.add([str(v) for group in SECTION4 for v in group])
    return grid


def body(report: Report) -> list[tuple[str, Grid | None]]:
    """The report in reading order: paragraphs, and the three tables after their headings."""
    return [
        (f"本报告所列数据的统计期限为{report.year}年1月1日至{report.year}年12月31日。", None),
        ("一、总体情况", None),
        (f"{report.year}年,我单位认真贯彻落实《条例》,扎实推进政务公开工作。" * 6, None),
        ("二、主动公开政府信息情况", section2_grid(report)),
        ("三、收到和处理政府信息公开申请情况", section3_grid(report)),
        ("四、政府信息公开行政复议、行政诉讼情况", section4_grid()),
        ("五、存在的主要问题及改进情况", None),
        ("政策解读形式还不够丰富。", None),
        ("六、其他需要报告的事项", None),
        ("本年度未收取信息处理费。", None),
    ]


# --- writers --------------------------------------------------------------------------------------


def write_docx(path: Path, report: Report) -> Path:
    document = docx.Document()
    document.add_paragraph(report.title)
    for text, grid in body(report):
        document.add_paragraph(text)
        if grid is None:
            continue
        table = document.add_table(rows=len(grid.cells), cols=len(grid.cells[0]))
        table.style = "Table Grid"
        for r0, c0, r1, c1 in grid.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        for r, row in enumerate(grid.cells):
            for c, text_ in enumerate(row):
                if text_:
                    table.cell(r, c).text = text_
    document.save(path)
    return path


def write_pdf(path: Path, report: Report) -> Path:
    flowables = [Paragraph(report.title, BODY)]
    for text, grid in body(report):
        flowables.append(Paragraph(text, BODY))
        if grid is not None:
            flowables.append(pdf_table(grid))
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables)
    return path


def pdf_table(grid: Grid) -> Table:
    n_cols = len(grid.cells[0])
    widths = {4: [110, 100, 100, 100], 10: [30, 56, 164] + [28] * 7, 15: [30] * 15}[n_cols]
    data = [[Paragraph(text, CELL) if text else "" for text in row] for row in grid.cells]
    style = [("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    # Padded rows put the big table of section 三 across a page break, as in printed reports; reportlab
    # breaks it outside the block that 三、本年度办理结果 spans, which fits on one page.
    style += (
        [("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)] if n_cols == 10 else []
    )
    style += [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in grid.merges]
    return Table(data, colWidths=widths, style=TableStyle(style))


def write_xlsx(
    path: Path, report: Report, titled: bool = True, merged: str = "all", cut: bool = False
) -> Path:
    """The statistics tables as agencies publish them in a workbook: the report's title (unless not
    `titled`), then each table under its section's heading, on one sheet. Its merged cells merged
    ("all"), only those across a row ("across": no group label spans its rows), or none ("none").
    `cut`: the 总计 of each section 三 row after a row of blank figures is left blank too, so that
    rows above and below those blank ones no longer end in the same column."""
    book = openpyxl.Workbook()
    sheet = book.active
    if titled:
        sheet.append([report.title])
    for heading, grid in body(report):
        if grid is None:
            continue
        sheet.append([heading])
        top = sheet.max_row + 1
        after_blank = False
        for row in grid.cells:
            values = [int(text) if text.isdigit() else text or None for text in row]
            blank = sum(v is not None for v in values) <= 1
            if cut and after_blank and not blank and len(values) == 10:
                values[-1] = None
            after_blank = blank
            sheet.append(values)
        for r0, c0, r1, c1 in grid.merges:
            if merged == "all" or (merged == "across" and r0 == r1):
                sheet.merge_cells(
                    start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1
                )
    book.save(path)
    return path


def write_xls(path: Path, report: Report) -> Path:
    """The workbook saved by LibreOffice in the old binary format (.xls), as older offices publish it."""
    source = write_xlsx(path.with_name("source.xlsx"), report)
    libreoffice.convert(source, "xls", path.parent)
    return path.with_name("source.xls").rename(path)


def page_html(report: Report) -> str:
    """The report as a web page, each merged region one cell spanning the slots it covers."""
    parts = [f"<h1>{report.title}</h1>"]
    for text, grid in body(report):
        parts.append(f"<p>{text}</p>")
        if grid is not None:
            parts.append(table_html(grid))
    return "<html><head><title>" + report.title + "</title></head><body>" + "".join(parts) + "</body></html>"


def table_html(grid: Grid) -> str:
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in grid.merges}
    covered = {
        (r, c) for r0, c0, r1, c1 in grid.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
    } - spans.keys()
    rows = []
    for r, row in enumerate(grid.cells):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            cells.append(f'<td rowspan="{rowspan}" colspan="{colspan}"><p><span>{text}</span></p></td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"


def write_mht(path: Path, report: Report) -> Path:
    """Word's "single file web page": a MIME message of the page in GB2312, quoted-printable, beside
    its picture and file list, as Word writes it (and sites publish it, under .mht or .doc)."""
    page = page_html(report).replace(
        "<head>", '<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">'
    )
    message = MIMEMultipart("related", type="text/html")
    html_part = MIMEText(page, "html", "gb2312")
    html_part.replace_header("Content-Transfer-Encoding", "quoted-printable")
    html_part.set_payload(quopri.encodestring(page.encode("gb2312")).decode("ascii"))
    html_part["Content-Location"] = "file:///C:/report.htm"
    picture = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(64), "png")
    picture["Content-Location"] = "file:///C:/report.files/image001.png"
    files = MIMEText('<xml xmlns:o="urn:schemas-microsoft-com:office:office"/>', "xml", "utf-8")
    files["Content-Location"] = "file:///C:/report.files/filelist.xml"
    for part in (html_part, picture, files):
        message.attach(part)
    del message["MIME-Version"]  # Word writes it first
    path.write_bytes(b"MIME-Version: 1.0\r\n" + message.as_bytes(policy=email.policy.SMTP))
    return path


def write_mhtml(path: Path, report: Report) -> Path:
    """Chromium's "save as a single file" of the report's web page."""
    page = path.with_suffix(".html")
    page.write_text(page_html(report), encoding="utf-8")
    chromium.save_single_file(page, path)
    page.unlink()
    return path


def write_ods(path: Path, report: Report) -> Path:
    """The workbook saved by LibreOffice as OpenDocument (.ods)."""
    source = write_xlsx(path.with_name("source.xlsx"), report)
    libreoffice.convert(source, "ods", path.parent)
    return path.with_name("source.ods").rename(path)


WRITERS = {
    "docx": write_docx,
    "pdf": write_pdf,
    "xlsx": write_xlsx,
    "xls": write_xls,
    "ods": write_ods,
    "mht": write_mht,
    "mhtml": write_mhtml,
}


def extracted(path: Path):
    ex = extract_file(str(path))
    return ex, {(f.metric_id, f.column): f.value for f in ex.facts}


# --- tests ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
@pytest.mark.parametrize("suffix", ["docx", "pdf", "xlsx", "xls", "ods", "mht", "mhtml"])
def test_every_figure_of_sections_two_three_and_four_comes_out_of_word_pdf_workbooks_and_saved_pages(
    tmp_path, suffix, fmt
):
    report = REPORTS[fmt]
    ex, got = extracted(WRITERS[suffix](tmp_path / f"report.{suffix}", report))
    assert ex.format == fmt
    want = expected_cells(report)
    assert {key: got.get(key) for key in want} == want


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
@pytest.mark.parametrize("suffix", ["docx", "pdf", "xlsx"])
def test_a_consistent_standard_report_raises_no_flag_in_word_pdf_or_a_workbook(tmp_path, suffix, fmt):
    ex, _ = extracted(WRITERS[suffix](tmp_path / f"report.{suffix}", REPORTS[fmt]))
    assert [(f.code, f.message) for f in ex.flags if f.severity != "info"] == []


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
@pytest.mark.parametrize("suffix", ["docx", "pdf", "xlsx"])
def test_title_agency_and_year_of_a_standard_report_in_word_pdf_and_a_workbook(tmp_path, suffix, fmt):
    report = REPORTS[fmt]
    ex, _ = extracted(WRITERS[suffix](tmp_path / f"report.{suffix}", report))
    assert (ex.meta.title, ex.meta.agency, ex.meta.year) == (report.title, report.agency, report.year)


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
def test_a_workbook_without_a_title_row_takes_its_agency_and_year_from_its_file_name(tmp_path, fmt):
    report = REPORTS[fmt]
    name = f"{report.agency}{report.year}年政府信息公开工作年度报告统计表.xlsx"
    ex, got = extracted(write_xlsx(tmp_path / name, report, titled=False))
    assert (ex.format, ex.meta.agency, ex.meta.year) == (fmt, report.agency, report.year)
    want = expected_cells(report)
    assert {key: got.get(key) for key in want} == want


def test_the_pdf_big_table_really_runs_over_a_page_break(tmp_path):
    import pdfplumber

    path = write_pdf(tmp_path / "report.pdf", REPORTS[formats.STD2021])
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    first = next(i for i, text in enumerate(pages) if "本年新收" in text)
    assert "结转下年度" not in pages[first] and "结转下年度" in pages[first + 1]


def test_words_single_file_web_page_published_under_the_name_doc_gives_every_figure(tmp_path):
    report = REPORTS[formats.STD2021]
    ex, got = extracted(write_mht(tmp_path / "report.doc", report))
    assert (ex.format, ex.meta.agency, ex.meta.year) == (formats.STD2021, report.agency, report.year)
    want = expected_cells(report)
    assert {key: got.get(key) for key in want} == want


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
@pytest.mark.parametrize("merged", ["across", "none"])
def test_a_workbook_whose_blank_rows_no_merged_label_spans_gives_every_figure(tmp_path, fmt, merged):
    # Without a group label merged over its rows, a row of blank figures (zeros) holds its label alone,
    # as a heading does; it stays in its table, between rows that end in the same column.
    report = REPORTS[fmt]
    ex, got = extracted(write_xlsx(tmp_path / "report.xlsx", report, merged=merged))
    want = expected_cells(report)
    assert {key: got.get(key) for key in want} == want
    assert [f.code for f in ex.flags if f.severity != "info"] == []


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
def test_a_workbook_table_cut_apart_keeps_each_figure_under_its_column(tmp_path, fmt):
    report = REPORTS[fmt]
    path = write_xlsx(tmp_path / "report.xlsx", report, merged="none", cut=True)
    ex, got = extracted(path)
    assert sum(len(t.rows[0]) == 10 for t in read_document(path).tables) > 1  # section 三 is cut apart
    want = expected_cells(report)
    assert {key: got[key] for key in want if key in got} == {key: want[key] for key in want if key in got}
    assert len([key for key in want if key in got]) > 0.9 * len(want)
