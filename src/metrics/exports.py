"""Downloads of the exact rows behind a chart or table: CSV for Excel and plain .xlsx.

CSV: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF line ends,
and any text cell starting with = + - @, a tab or a carriage return prefixed with an apostrophe so
a spreadsheet shows it as text instead of running it as a formula. XLSX: every text cell is stored as a string cell, which
a spreadsheet never evaluates, so the text stays exactly as in the database.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _plain(value):
    """A cell as a Python scalar: numpy and pandas types unwrapped, lists joined, missing as None."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return "; ".join(str(_plain(v)) for v in value)
    if isinstance(value, np.generic):
        value = value.item()
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def csv_text(value) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_PREFIXES) else value
    return str(value)


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_text(c) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow([csv_text(v) for v in row])
    return (BOM + buf.getvalue()).encode("utf-8")


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "data") -> bytes:
    return to_xlsx_sheets_bytes({sheet: df})


def to_xlsx_sheets_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook, a sheet per frame in the given order (names cut to Excel's 31 characters)."""
    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    for name, df in sheets.items():
        fill_sheet(wb.create_sheet(name[:31]), df)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fill_sheet(ws, df: pd.DataFrame) -> None:
    ws.append([str(c) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        ws.append([_xlsx_value(v) for v in row])
    # openpyxl turns any string starting with "=" into a formula; pin every text cell to a string.
    for cells in ws.iter_rows(min_row=1):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    ws.freeze_panes = "A2"


def _xlsx_value(value):
    value = _plain(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value
