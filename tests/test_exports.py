"""Exports: the exact CSV bytes (BOM, CRLF, formula escaping) and an .xlsx with the same rows."""

import io
from datetime import date

import numpy as np
import openpyxl
import pandas as pd

from metrics import exports

FRAME = pd.DataFrame(
    {
        "agency": ["上海市公安局", '=HYPERLINK("http://x")', "+86 电话", "-1", "@SUM(A1)", 'a,b"c'],
        "year": [2021, 2020, 2019, 2018, 2017, 2016],
        "value": [50.0, 2.5, np.nan, -3.0, 0.0, 1e6],
        "late": [True, False, None, True, False, False],
        "published": [date(2022, 1, 15), None, date(2020, 1, 10), None, None, None],
    }
)

GOLDEN_CSV = (
    b"\xef\xbb\xbf"
    b"agency,year,value,late,published\r\n"
    b"\xe4\xb8\x8a\xe6\xb5\xb7\xe5\xb8\x82\xe5\x85\xac\xe5\xae\x89\xe5\xb1\x80,2021,50,true,2022-01-15\r\n"
    b'"\'=HYPERLINK(""http://x"")",2020,2.5,false,\r\n'
    b"'+86 \xe7\x94\xb5\xe8\xaf\x9d,2019,,,2020-01-10\r\n"
    b"'-1,2018,-3,true,\r\n"
    b"'@SUM(A1),2017,0,false,\r\n"
    b'"a,b""c",2016,1000000,false,\r\n'
)


def test_csv_golden_bytes():
    assert exports.to_csv_bytes(FRAME) == GOLDEN_CSV


def test_csv_starts_with_bom_and_reads_back():
    data = exports.to_csv_bytes(FRAME)
    assert data.startswith(exports.BOM.encode("utf-8"))
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["agency"].tolist()[0] == "上海市公安局"
    assert back["agency"].tolist()[1] == '\'=HYPERLINK("http://x")'


def test_numbers_are_not_escaped_only_text_is():
    assert exports.csv_text(-3.0) == "-3"
    assert exports.csv_text("-3") == "'-3"
    assert exports.csv_text("正常") == "正常"
    assert exports.csv_text(np.int64(7)) == "7"
    assert exports.csv_text(pd.NA) == ""


def test_empty_frame_keeps_header():
    assert exports.to_csv_bytes(FRAME.iloc[0:0]) == b"\xef\xbb\xbfagency,year,value,late,published\r\n"


def test_xlsx_has_the_same_rows_and_no_formulas():
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(FRAME, "rows")))
    ws = wb["rows"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(FRAME.columns)
    assert [r[0] for r in rows[1:]] == FRAME["agency"].tolist()
    assert [r[1] for r in rows[1:]] == FRAME["year"].tolist()
    assert rows[1][2] == 50 and rows[2][2] == 2.5 and rows[3][2] is None and rows[4][2] == -3
    assert rows[1][3] is True and rows[3][3] is None
    assert rows[1][4].date() == date(2022, 1, 15)
    # A text cell that looks like a formula is stored as text, never evaluated.
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert ws.cell(row=3, column=1).data_type == "s"


def test_xlsx_drops_characters_excel_cannot_hold():
    frame = pd.DataFrame({"text": ["a\x00b\x07c"]})
    ws = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_bytes(frame))).active
    assert ws.cell(row=2, column=1).value == "abc"


def test_xlsx_holds_the_shown_table_and_its_detail_rows_as_two_sheets_in_order():
    shown = pd.DataFrame({"机关": ['=HYPERLINK("x")', "上海市公安局"], "公开率 (%)": [60.0, None]})
    detail = FRAME.iloc[:2]
    wb = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx_sheets_bytes({"表格": shown, "明细": detail})))
    assert wb.sheetnames == ["表格", "明细"]
    assert list(wb["表格"].iter_rows(values_only=True)) == [
        ("机关", "公开率 (%)"),
        ('=HYPERLINK("x")', 60),
        ("上海市公安局", None),
    ]
    assert wb["表格"].cell(row=2, column=1).data_type == "s"
    assert [r[0] for r in wb["明细"].iter_rows(min_row=2, values_only=True)] == detail["agency"].tolist()
