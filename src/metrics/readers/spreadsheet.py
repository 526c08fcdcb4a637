"""Spreadsheets: the statistics tables some agencies publish as a workbook beside (or instead of)
the report's page. A sheet's tables are the blocks of rows between its lone lines (a title, a
section's heading); merged cells repeat their text in every slot they cover, as a web page's table
is laid out, so the extractors read them as they read any table.

python-calamine reads .xlsx, .xls (and WPS's .et, the same binary format) and OpenDocument's .ods
in one library, by their content whatever their name; it evaluates no formula and runs no macro, and
reports a damaged file as an error of its own."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from metrics.models import Document, Table
from metrics.readers import budgets
from metrics.readers.errors import ReadError

# .ods too, though python-calamine gives no merged cells for it: a merged cell's text then stands in
# its first slot alone, as in a sheet saved without merged cells, which the cutting below reads whole.
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")


def read_spreadsheet(path: str, data: bytes) -> Document:
    with _damage_as_read_error():
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = [sheet.name for sheet in workbook.sheets_metadata]
    tables: list[Table] = []
    lines: list[str] = []
    cells = 0
    for n, name in enumerate(names, start=1):
        with _damage_as_read_error():  # one sheet loaded at a time
            rows, cells = _sheet_rows(workbook.get_sheet_by_name(name), cells, f"sheet {n}")
        used = _used_columns(rows)
        for block in _blocks(rows):
            if len(block) == 1 and _is_lone(block[0]):  # a heading or a note between tables
                lines.append(next(c for c in block[0] if c))
                continue
            grid = _in_columns(block, used)
            tables.append(Table(rows=grid, where=f"sheet {n} ({name}), table {len(tables) + 1}"))
            lines += [" | ".join(c for c in row if c) for row in grid]
    text = "\n".join(lines)
    if not text.strip():
        raise ReadError("the spreadsheet holds no cell with text or a number")
    return Document(path=path, text=text, tables=tables)


@contextlib.contextmanager
def _damage_as_read_error() -> Iterator[None]:
    """python-calamine's errors as the reader's: its own (CalamineError), and a panic of its Rust code
    on a damaged file, which PyO3 raises as a BaseException (PanicException) that no `except
    Exception` would stop before it ended the worker."""
    from python_calamine import CalamineError

    try:
        yield
    except BaseException as e:
        if not isinstance(e, (CalamineError, ValueError, OSError)) and type(e).__name__ != "PanicException":
            raise
        raise ReadError(f"the spreadsheet is damaged or not a spreadsheet ({e})") from e


def _sheet_rows(sheet, cells_before: int, where: str) -> tuple[list[list[str]], int]:
    """The sheet's rows as strings, merged cells' text in every slot they cover, empty rows left out,
    and the file's running count of cells. The area is counted against the budget before its cells
    are made: a small file may declare a sheet of a million rows. (What the library itself allocates
    to load a sheet is bounded by the worker's memory limit.)"""
    cells = cells_before + sheet.total_height * sheet.total_width
    budgets.check_cells(cells, where)
    rows = [[_as_text(value) for value in row] for row in sheet.to_python(skip_empty_area=False)]
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ():
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1 + 1, len(rows))):
            for c in range(c0, min(c1 + 1, len(rows[r]))):
                rows[r][c] = rows[r][c] or value
    return [row for row in rows if any(row)], cells


def _blocks(rows: list[list[str]]) -> Iterator[list[list[str]]]:
    """The sheet cut into its tables and the lines between them: a row with one cell alone (a title,
    a section's heading, a note) stands by itself, as a table's rows always hold a label and figures,
    or a header's text repeated over its merged slots. But lone rows between two rows whose figures
    end in the same column are a table's rows with every figure left blank (zeros, which reports
    leave blank, in a group whose label no merged cell spans): they stay in the table, which a
    heading between two tables, each of its own width, never does."""
    table: list[list[str]] = []
    lone: list[list[str]] = []
    for row in rows:
        if _is_lone(row):
            lone.append(row)
            continue
        if lone and table and _end(table[-1]) == _end(row):
            table += lone
        elif lone:
            if table:
                yield table
                table = []
            yield from ([line] for line in lone)
        lone = []
        table.append(row)
    if table:
        yield table
    yield from ([line] for line in lone)


def _is_lone(row: list[str]) -> bool:
    """Whether the row holds one cell alone (the sheet's empty rows are left out before)."""
    return sum(1 for c in row if c) == 1


def _end(row: list[str]) -> int:
    """The column after the row's last cell that holds anything."""
    return max(c for c, cell in enumerate(row) if cell) + 1


def _used_columns(rows: list[list[str]]) -> list[int]:
    """The sheet's columns that hold anything: the empty ones (a margin, a spacer) are left out."""
    width = max(map(len, rows), default=0)
    return [c for c in range(width) if any(c < len(row) and row[c] for row in rows)]


def _in_columns(block: list[list[str]], used: list[int]) -> list[list[str]]:
    """The block's rows in the sheet's used columns, up to its own last cell: a column the sheet uses
    stays even where this block leaves it empty, so that a table cut apart (its label column empty
    below a group's first row) keeps each figure under its column's place."""
    end = max(map(_end, block))
    return [[row[c] if c < len(row) else "" for c in used if c < end] for row in block]


def _as_text(value) -> str:
    """A cell as the sheet shows it: whole numbers without '.0' (spreadsheets store every number as a
    float), text without the spaces around it."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date, time, timedelta)):
        return str(value)
    return " ".join(str(value).split())
