"""A roll-up as the official tables: an Excel workbook (a sheet per section, merged headers, the
printed row labels) and a Word document with the same tables, each followed by what stands behind it
(agencies added up, missing and flagged, identities, figures without a 2021 cell).

The official tables are Chinese, so the files are too, whatever the interface language.
"""

from __future__ import annotations

import io

import docx
import pandas as pd
from docx.enum.text import WD_ALIGN_PARAGRAPH
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from metrics import catalog, exports
from metrics.rollup.compute import Rollup
from metrics.rollup.layout import SECTION_TITLES, TABLES, PrintedTable

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INCLUDED = "纳入汇总的机关"
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def title(rollup: Rollup) -> str:
    s = rollup.selection
    return f"{s.region or '全部地区'}{s.year}年政府信息公开工作年度报告统计汇总"


def scope_lines(rollup: Rollup) -> list[str]:
    s = rollup.selection
    lines = [
        f"汇总范围：{s.region or '全部地区'}及其下辖地区，{s.year}年度，{len(rollup.reports)}个机关的报告（现行版本）"
    ]
    if s.levels:
        lines.append("层级：" + "、".join(s.levels))
    if s.agency_types:
        lines.append("机关类型：" + "、".join(s.agency_types))
    lines.append(
        f"其他年度有报告而本年度没有的机关：{len(rollup.missing)}个；有核查发现的报告：{len(rollup.flagged)}份"
    )
    lines.append(
        "勾稽关系：全部成立"
        if not rollup.breaks
        else f"勾稽关系：{len(rollup.breaks)}处不成立（见“勾稽关系”）"
    )
    return lines


def cell_value(rollup: Rollup, cell: tuple[str, str]) -> int | float | None:
    value = rollup.values.get(cell)
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def behind(rollup: Rollup) -> dict[str, pd.DataFrame]:
    """What stands behind the tables, as frames headed in Chinese."""
    reports = rollup.reports.assign(flagged=rollup.reports["warnings"] > 0)
    return {
        _INCLUDED: reports.rename(
            columns={
                "agency": "机关",
                "region": "地区",
                "level": "层级",
                "agency_type": "机关类型",
                "format": "报告格式",
                "warnings": "核查发现",
                "flag_codes": "发现类别",
                "flagged": "有核查发现",
                "file_path": "文件",
                "report_id": "报告编号",
            }
        ),
        "本年度缺报的机关": rollup.missing.rename(
            columns={
                "agency": "机关",
                "region": "地区",
                "level": "层级",
                "agency_type": "机关类型",
                "years_reported": "有报告的年度",
            }
        ),
        "勾稽关系": pd.DataFrame(
            [(f.code.removeprefix("identity:"), f.message) for f in rollup.breaks], columns=["关系", "说明"]
        ),
        "无对应栏目的数字": rollup.unmapped.assign(
            label=rollup.unmapped["metric_id"].map(catalog.label)
        ).rename(
            columns={
                "format": "报告格式",
                "metric_id": "指标",
                "label": "名称",
                "value": "合计",
                "reports": "报告数",
                "why": "原因",
            }
        ),
    }


# --- Excel ---------------------------------------------------------------------------------------


def to_xlsx_bytes(rollup: Rollup) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for section, heading in SECTION_TITLES.items():
        ws = wb.create_sheet(heading.split("、", 1)[0] + " " + heading.split("、", 1)[1][:25])
        ws.cell(1, 1, title(rollup)).font = Font(bold=True, size=14)
        ws.cell(2, 1, heading).font = Font(bold=True)
        row = 4
        for table in (t for t in TABLES if t.section == section):
            row = _xlsx_table(ws, table, rollup, row) + 1
        ws.column_dimensions["A"].width = 44 if section != "四" else 12
        for col in range(2, 17):
            ws.column_dimensions[get_column_letter(col)].width = 12
    notes = wb.create_sheet("汇总说明")
    for i, line in enumerate([title(rollup), *scope_lines(rollup)], start=1):
        notes.cell(i, 1, line)
    notes.column_dimensions["A"].width = 100
    for name, frame in behind(rollup).items():
        exports.fill_sheet(wb.create_sheet(name), frame)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xlsx_table(ws, table: PrintedTable, rollup: Rollup, top: int) -> int:
    """Draw one table with its top-left corner at row `top`; the row after it is returned."""
    for h in table.header:
        cell = ws.cell(top + h.row, 1 + h.col, h.text)
        cell.font = Font(bold=True)
        if h.rowspan > 1 or h.colspan > 1:
            ws.merge_cells(
                start_row=top + h.row,
                start_column=1 + h.col,
                end_row=top + h.row + h.rowspan - 1,
                end_column=h.col + h.colspan,
            )
    row = top + table.header_rows
    first = 2 if table.labelled else 1
    for body in table.rows:
        if table.labelled:
            ws.cell(row, 1, body.label)
        for i, cell in enumerate(body.cells):
            ws.cell(row, first + i, cell_value(rollup, cell))
        row += 1
    for cells in ws.iter_rows(min_row=top, max_row=row - 1, max_col=table.width):
        for cell in cells:
            cell.border = _BOX
            if cell.row < top + table.header_rows or cell.column > 1 or not table.labelled:
                cell.alignment = _CENTRE
    return row


# --- Word ----------------------------------------------------------------------------------------


def to_docx_bytes(rollup: Rollup) -> bytes:
    doc = docx.Document()
    doc.add_heading(title(rollup), level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in scope_lines(rollup):
        doc.add_paragraph(line)
    for section, heading in SECTION_TITLES.items():
        doc.add_heading(heading, level=2)
        for table in (t for t in TABLES if t.section == section):
            _docx_table(doc, table, rollup)
            doc.add_paragraph()
    for name, frame in behind(rollup).items():
        doc.add_heading(name, level=2)
        if name == _INCLUDED:
            # Thousands of agencies as a table take Word (and python-docx) minutes; the names read as
            # well in one paragraph, and the workbook has them with every detail.
            doc.add_paragraph("、".join(rollup.reports["agency"].fillna("").astype(str)))
            continue
        if frame.empty:
            doc.add_paragraph("无")
            continue
        grid = doc.add_table(rows=1, cols=len(frame.columns), style="Table Grid")
        for cell, header in zip(grid.rows[0].cells, frame.columns, strict=True):
            cell.text = str(header)
        for values in frame.itertuples(index=False, name=None):
            for cell, v in zip(grid.add_row().cells, values, strict=True):
                cell.text = exports.csv_text(v)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, table: PrintedTable, rollup: Rollup) -> None:
    grid = doc.add_table(rows=table.header_rows + len(table.rows), cols=table.width, style="Table Grid")
    for h in table.header:
        corner = grid.cell(h.row, h.col)
        if h.rowspan > 1 or h.colspan > 1:
            corner = corner.merge(grid.cell(h.row + h.rowspan - 1, h.col + h.colspan - 1))
        corner.text = h.text
    first = 1 if table.labelled else 0
    for r, body in enumerate(table.rows, start=table.header_rows):
        if table.labelled:
            grid.cell(r, 0).text = body.label
        for i, cell in enumerate(body.cells):
            value = cell_value(rollup, cell)
            grid.cell(r, first + i).text = "" if value is None else str(value)
