"""Legacy reports in every file type users upload: the same figures and the same format from HTML,
flattened text, DOCX and PDF, through the whole pipeline (metrics.extract.extract_file).

The reports are invented here; the 2015-2018 table is internally consistent, so no identity flag may
be raised on it.
"""

from __future__ import annotations

from pathlib import Path

import docx
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

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)

TABLE_TITLE = "示例市水利局2016年政府信息公开工作年度报告"
TABLE_PROSE = ["2016年,我局认真贯彻《条例》,政府信息公开工作运行正常。", "附表:政府信息公开情况统计表"]
HEADER = ("统计指标", "单位", "统计数")
# (label, unit, value, metric): section headings carry no metric.
TABLE_ROWS = (
    ("一、主动公开情况", "—", "", ""),
    ("(一)主动公开政府信息数", "条", "236", "proactive_items"),
    ("其中:主动公开规范性文件数", "条", "12", "proactive_normative_docs"),
    ("制发规范性文件总数", "件", "15", "normative_docs_issued"),
    ("三、依申请公开情况", "—", "", ""),
    ("(一)收到申请数", "件", "9", "requests_new"),
    ("1.当面申请数", "件", "4", "requests_in_person"),
    ("2.传真申请数", "件", "0", "requests_fax"),
    ("3.网络申请数", "件", "3", "requests_online"),
    ("4.信函申请数", "件", "2", "requests_letter"),
    ("(二)申请办结数", "件", "9", "requests_closed"),
    ("1.按时办结数", "件", "9", "requests_closed_on_time"),
    ("2.延期办结数", "件", "0", "requests_closed_extended"),
    ("(三)申请答复数", "件", "9", "outcome_total"),
    ("1.属于已主动公开范围数", "件", "2", "outcome_already_public"),
    ("2.同意公开答复数", "件", "4", "outcome_granted"),
    ("3.同意部分公开答复数", "件", "1", "outcome_partial"),
    ("4.不同意公开答复数", "件", "1", "outcome_denied"),
    ("其中:涉及国家秘密", "件", "0", "denied_state_secret"),
    ("涉及商业秘密", "件", "0", "denied_commercial_secret"),
    ("涉及个人隐私", "件", "1", "denied_privacy"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0", "denied_security_stability"),
    ("不是《条例》所指政府信息", "件", "0", "denied_not_gov_info"),
    ("法律法规规定的其他情形", "件", "0", "denied_other_legal"),
    ("5.不属于本行政机关公开数", "件", "1", "outcome_not_this_agency"),
    ("6.申请信息不存在数", "件", "0", "unable_not_held"),
    ("7.告知作出更改补充数", "件", "0", "outcome_told_to_amend"),
    ("8.告知通过其他途径办理数", "件", "0", "outcome_other_channel"),
    ("四、行政复议数量", "件", "1", "review_total"),
    ("(一)维持具体行政行为数", "件", "1", "review_upheld"),
    ("(二)被依法纠错数", "件", "0", "review_corrected"),
    ("(三)其他情形数", "件", "0", "review_other"),
    ("五、行政诉讼数量", "件", "0", "litigation_total"),
    ("七、依申请公开信息收取的费用", "万元", "0", "request_fees_10k_yuan"),
    ("八、机构建设和保障经费情况", "—", "", ""),
    ("(二)设置政府信息公开查阅点数", "个", "2", "reading_points"),
    ("(三)从事政府信息公开工作人员数", "人", "3", "staff_total"),
    ("1.专职人员数", "人", "1", "staff_full_time"),
    ("2.兼职人员数", "人", "2", "staff_part_time"),
    ("(四)政府信息公开专项经费", "万元", "1.5", "disclosure_budget_10k_yuan"),
)
TABLE_FIGURES = {metric: float(value) for _, _, value, metric in TABLE_ROWS if metric}

PROSE_TITLE = "示例县林业局2012年度政府信息公开工作报告"
PROSE_BODY = [
    "一、主动公开政府信息情况",
    "2012年,我局主动公开政府信息128条。",
    "二、依申请公开政府信息情况",
    "全年共受理政府信息公开申请6件,其中同意公开4件,不予公开1件。",
    "三、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "本年度未发生因政府信息公开引起的行政复议和行政诉讼。",
]
PROSE_FIGURES = {
    "proactive_items": 128,
    "requests_new": 6,
    "outcome_granted": 4,
    "outcome_denied": 1,
    "review_total": 0,
    "litigation_total": 0,
}


# --- writers --------------------------------------------------------------------------------------


def table_cells() -> list[list[str]]:
    return [list(HEADER)] + [[label, unit, value] for label, unit, value, _ in TABLE_ROWS]


def write_html(path: Path, title: str, paragraphs: list[str], cells: list[list[str]] | None) -> Path:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if cells:
        body += (
            "<table>"
            + "".join("<tr>" + "".join(f"<td>{c or '&nbsp;'}</td>" for c in row) + "</tr>" for row in cells)
            + "</table>"
        )
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return path


def write_text(path: Path, title: str, paragraphs: list[str], cells: list[list[str]] | None) -> Path:
    lines = [title, *paragraphs]
    if cells:
        lines += [" | ".join(row) for row in cells]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_docx(path: Path, title: str, paragraphs: list[str], cells: list[list[str]] | None) -> Path:
    document = docx.Document()
    document.add_paragraph(title)
    for p in paragraphs:
        document.add_paragraph(p)
    if cells:
        table = document.add_table(rows=len(cells), cols=len(cells[0]))
        for row, values in zip(table.rows, cells, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    document.save(path)
    return path


def write_pdf(path: Path, title: str, paragraphs: list[str], cells: list[list[str]] | None) -> Path:
    flowables = [Paragraph(title, BODY), *(Paragraph(p, BODY) for p in paragraphs)]
    if cells:
        style = TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), FONT), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        )
        flowables.append(Table(cells, repeatRows=1, style=style))
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables)
    return path


WRITERS = {"html": write_html, "txt": write_text, "docx": write_docx, "pdf": write_pdf}


def printed_figures(path: Path) -> tuple[str, dict[str, float], list[str]]:
    ex = extract_file(str(path))
    return ex.format, {f.metric_id: f.value for f in ex.facts if not f.derived}, [fl.code for fl in ex.flags]


# --- legacy_table ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["html", "txt", "docx", "pdf"])
def test_statistics_table_report_gives_every_printed_row_in_each_file_type(tmp_path, suffix):
    path = WRITERS[suffix](tmp_path / f"report.{suffix}", TABLE_TITLE, TABLE_PROSE, table_cells())
    fmt, figures, _ = printed_figures(path)
    assert fmt == formats.LEGACY_TABLE
    assert figures == TABLE_FIGURES


@pytest.mark.parametrize("suffix", ["html", "txt", "docx", "pdf"])
def test_consistent_statistics_table_raises_no_identity_flag(tmp_path, suffix):
    path = WRITERS[suffix](tmp_path / f"report.{suffix}", TABLE_TITLE, TABLE_PROSE, table_cells())
    _, _, flags = printed_figures(path)
    assert not [code for code in flags if code.startswith("identity:")]


def test_statistics_table_that_breaks_its_own_sum_is_flagged_and_kept_as_printed(tmp_path):
    cells = [row if row[0] != "1.当面申请数" else ["1.当面申请数", "件", "5"] for row in table_cells()]
    path = write_docx(tmp_path / "report.docx", TABLE_TITLE, TABLE_PROSE, cells)
    _, figures, flags = printed_figures(path)
    assert figures["requests_in_person"] == 5 and figures["requests_new"] == 9
    assert any(code.startswith("identity:legacy") for code in flags)


def test_statistics_table_report_metadata_in_each_file_type(tmp_path):
    for suffix, writer in WRITERS.items():
        ex = extract_file(str(writer(tmp_path / f"report.{suffix}", TABLE_TITLE, TABLE_PROSE, table_cells())))
        assert (ex.meta.agency, ex.meta.year) == ("示例市水利局", 2016), suffix


# --- legacy_prose ---------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_prose_report_gives_its_sentence_figures_in_word_and_pdf(tmp_path, suffix):
    path = WRITERS[suffix](tmp_path / f"report.{suffix}", PROSE_TITLE, PROSE_BODY, None)
    fmt, figures, _ = printed_figures(path)
    assert fmt == formats.LEGACY_PROSE
    assert figures == PROSE_FIGURES


# Paragraphs whose figures' phrases a printed A4 page wraps over two lines ('主动公开政' / '府信息128条').
WRAPPED_BODY = [
    "一、主动公开政府信息情况",
    "2012年,我局按照条例要求,认真梳理本单位职责范围内的各类政府信息,做到应公,主动公开政府信息128条,"
    "其中机构职能类12条,业务工作类101条,其他类15条。",
    "二、依申请公开政府信息情况",
    "我局进一步规范依申请公开工作流程,明确受理、登记、审核、答复各环节的责任与,共受理政府信息公开申请6件,"
    "其中同意公开4件,不予公开1件。",
    "三、存在的主要问题及改进措施",
    "一是信息公开的及时性还需进一步提高,部分信息更新不够及时;二是公开内容的深度和广度还需要进一步拓展,"
    "群众关心关注的热点问题公开还不够充分;三是工作人员的业务能力还需要加强,培训的针对性有待提高。"
    "下一步,我局将进一步健全工作机制,加强督促检查,不断提升政府信息公开工作的质量和水平。",
]
WRAPPED_STYLE = ParagraphStyle("wrapped", parent=BODY, wordWrap="CJK")


def test_prose_report_printed_with_its_figures_wrapped_over_lines_reads_whole_and_gives_them_all(tmp_path):
    """The printer breaks the lines inside the figures' sentences; the reader joins a full line to the
    line it goes on in."""
    path = tmp_path / "report.pdf"
    flowables = [Paragraph(PROSE_TITLE, BODY), *(Paragraph(p, WRAPPED_STYLE) for p in WRAPPED_BODY)]
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables)
    text = read_document(path).text
    assert "主动公开政府信息128条" in text and "受理政府信息公开申请6件" in text
    fmt, figures, _ = printed_figures(path)
    assert fmt == formats.LEGACY_PROSE
    assert (figures["proactive_items"], figures["requests_new"], figures["outcome_granted"]) == (128, 6, 4)
