"""The 2021 report's tables as they are printed, derived from the declared template (metrics.templates).

Every cell names the (metric, requester column) it holds; headers say which cells are merged. The
roll-up's workbook, Word document and page all draw from these tables, so a row added to the template
appears in all three.
"""

from __future__ import annotations

from dataclasses import dataclass

from metrics.formats import STD2021
from metrics.models import TOTAL
from metrics.templates import (
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    section2_cells,
    section3_rows,
)
from metrics.templates.standard import ORGANISATION_COLUMNS, section4_metric

LAYOUT = STD2021
_CHINESE_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class HeaderCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class BodyRow:
    label: str
    cells: tuple[tuple[str, str], ...]  # (metric id, requester column); empty for a heading row


@dataclass(frozen=True)
class PrintedTable:
    section: str  # 二 | 三 | 四
    caption: str
    header: tuple[HeaderCell, ...]
    header_rows: int
    width: int  # columns, the label column included when there is one
    rows: tuple[BodyRow, ...]
    labelled: bool = True  # section 四's table has no label column


SECTION_TITLES = {
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
}


def _section2_tables() -> list[PrintedTable]:
    cells = section2_cells(LAYOUT)
    tables = []
    for item in dict.fromkeys(c.item for c in cells):
        own = [c for c in cells if c.item == item]
        columns = list(
            dict.fromkeys(c.column_labels[0] + (f"（单位：{c.unit}）" if c.unit else "") for c in own)
        )
        row_labels = list(dict.fromkeys(c.row_labels[0] for c in own))
        caption = f"第二十条第（{item}）项"
        header = (
            HeaderCell(caption, 0, 0, colspan=len(columns) + 1),
            HeaderCell("信息内容", 1, 0),
            *(HeaderCell(text, 1, i + 1) for i, text in enumerate(columns)),
        )
        rows = tuple(
            BodyRow(label, tuple((c.metric_id, TOTAL) for c in own if c.row_labels[0] == label))
            for label in row_labels
        )
        tables.append(PrintedTable("二", caption, header, 2, len(columns) + 1, rows))
    return tables


def _section3_rows() -> tuple[BodyRow, ...]:
    """The rows with their printed numbering: 一、二、 then 三、本年度办理结果 with (一)…(七) and the
    sub-rows 1. 2. …, then 四、."""
    columns = [c for c, _, _ in REQUESTER_COLUMNS]
    rows: list[BodyRow] = []
    top = outcome = child = 0
    for r in section3_rows(LAYOUT):
        cells = tuple((r.metric_id, c) for c in columns)
        if r.parent:
            child += 1
            rows.append(BodyRow(f"{child}．{r.labels[0]}", cells))
        elif r.metric_id.startswith("outcome_"):
            if outcome == 0:
                top += 1
                rows.append(BodyRow(f"{_CHINESE_NUMERALS[top - 1]}、本年度办理结果", ()))
            outcome, child = outcome + 1, 0
            rows.append(BodyRow(f"（{_CHINESE_NUMERALS[outcome - 1]}）{r.labels[0]}", cells))
        else:
            top += 1
            rows.append(BodyRow(f"{_CHINESE_NUMERALS[top - 1]}、{r.labels[0]}", cells))
    return tuple(rows)


def _section3_table() -> PrintedTable:
    organisations = [zh for c, zh, _ in REQUESTER_COLUMNS if c in ORGANISATION_COLUMNS]
    width = len(REQUESTER_COLUMNS) + 1
    names = {c: zh for c, zh, _ in REQUESTER_COLUMNS}
    header = (
        HeaderCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, rowspan=3),
        HeaderCell("申请人情况", 0, 1, colspan=width - 1),
        HeaderCell(names["natural_person"], 1, 1, rowspan=2),
        HeaderCell("法人或其他组织", 1, 2, colspan=len(organisations)),
        *(HeaderCell(zh, 2, 2 + i) for i, zh in enumerate(organisations)),
        HeaderCell(names[TOTAL], 1, width - 1, rowspan=2),
    )
    return PrintedTable("三", SECTION_TITLES["三"], header, 3, width, _section3_rows())


def _section4_table() -> PrintedTable:
    per_group = len(SECTION4_COLUMNS)
    review, *lawsuits = SECTION4_GROUPS
    header = [
        HeaderCell(review[1], 0, 0, colspan=per_group),
        HeaderCell("行政诉讼", 0, per_group, colspan=per_group * len(lawsuits)),
        *(HeaderCell(zh, 1, i, rowspan=2) for i, (_, zh) in enumerate(SECTION4_COLUMNS)),
    ]
    for g, (_, zh) in enumerate(lawsuits, start=1):
        header.append(HeaderCell(zh, 1, g * per_group, colspan=per_group))
        header += [HeaderCell(name, 2, g * per_group + i) for i, (_, name) in enumerate(SECTION4_COLUMNS)]
    cells = tuple(
        (section4_metric(group, column), TOTAL)
        for group, _ in SECTION4_GROUPS
        for column, _ in SECTION4_COLUMNS
    )
    width = per_group * len(SECTION4_GROUPS)
    return PrintedTable(
        "四", SECTION_TITLES["四"], tuple(header), 3, width, (BodyRow("", cells),), labelled=False
    )


TABLES: tuple[PrintedTable, ...] = (*_section2_tables(), _section3_table(), _section4_table())

# Every cell of the printed 2021 tables.
CELLS: frozenset[tuple[str, str]] = frozenset(
    cell for table in TABLES for row in table.rows for cell in row.cells
)
# The metrics those cells hold.
METRICS: frozenset[str] = frozenset(metric for metric, _ in CELLS)
