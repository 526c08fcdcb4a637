"""The spreadsheet reader: a workbook's tables and lines, its merged cells repeated, and damaged or
empty workbooks refused with a reason (the whole pipeline's figures: test_extract_standard_filetypes)."""

from __future__ import annotations

import openpyxl
import pytest

from metrics.dashboard import reasons
from metrics.ingest import FAILED, process_file
from metrics.readers import ReadError, read_document, spreadsheet


def workbook(path, rows, merges=()):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for merge in merges:
        book.active.merge_cells(merge)
    book.save(path)
    return path


def test_a_sheet_is_cut_into_its_tables_at_lone_lines_and_merged_cells_fill_their_slots(tmp_path):
    path = workbook(
        tmp_path / "统计表.xlsx",
        [
            ["某县2023年政府信息公开工作年度报告统计表"],
            ["二、主动公开政府信息情况"],
            ["信息内容", "本年制发件数", None, "现行有效件数"],
            ["规章", 0, 1, 2.0],
            ["三、收到和处理政府信息公开申请情况"],
            ["申请人情况", None, "总计"],
            ["本年新收", 3.5, 4],
        ],
        merges=["B3:C3", "A6:B6"],
    )
    doc = read_document(path)
    assert [t.rows for t in doc.tables] == [
        [["信息内容", "本年制发件数", "本年制发件数", "现行有效件数"], ["规章", "0", "1", "2"]],
        [["申请人情况", "申请人情况", "总计"], ["本年新收", "3.5", "4"]],
    ]
    assert doc.text.splitlines()[:3] == [
        "某县2023年政府信息公开工作年度报告统计表",
        "二、主动公开政府信息情况",
        "信息内容 | 本年制发件数 | 本年制发件数 | 现行有效件数",
    ]


def test_a_workbook_saved_under_wpss_name_is_read_by_its_content_and_a_lone_row_of_figures_is_a_table(
    tmp_path,
):
    path = workbook(tmp_path / "book.xlsx", [["标题"], ["行政许可", 12]]).rename(tmp_path / "统计表.et")
    doc = read_document(path)
    assert [t.rows for t in doc.tables] == [[["行政许可", "12"]]]
    assert doc.text == "标题\n行政许可 | 12"


@pytest.mark.parametrize(
    "content, words",
    [
        (b"PK\x03\x04 not really a zip" * 20, "damaged or not a spreadsheet"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "damaged or not a spreadsheet"),
    ],
)
def test_a_damaged_workbook_is_refused_with_a_reason_the_pages_say_in_words(tmp_path, content, words):
    path = tmp_path / "broken.xls"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=words):
        read_document(path)
    attempt = process_file(str(path))
    assert attempt.status == FAILED and words in attempt.reason
    assert reasons.in_words(attempt.status, attempt.reason, "zh") == reasons.ui_text.text(
        "zh", "reason_spreadsheet"
    )


def test_a_workbook_without_any_cell_is_refused(tmp_path):
    path = workbook(tmp_path / "empty.xlsx", [])
    with pytest.raises(ReadError, match="holds no cell"):
        read_document(path)


def test_a_sheet_declaring_more_cells_than_a_report_can_have_is_refused_before_its_cells_are_made(tmp_path):
    # Two cells a million rows apart: the file is tiny, the declared area is not.
    path = workbook(tmp_path / "vast.xlsx", [["规章", 1]])
    book = openpyxl.load_workbook(path)
    book.active.cell(row=1_000_000, column=20, value=1)
    book.save(path)
    with pytest.raises(ReadError, match="more than the"):
        read_document(path)


class PanicException(BaseException):
    """What PyO3 raises when the Rust code of python-calamine panics on a damaged file."""


def test_a_panic_of_the_spreadsheet_library_on_a_damaged_file_is_a_read_error_not_the_workers_end():
    with pytest.raises(ReadError, match="damaged or not a spreadsheet"):
        with spreadsheet._damage_as_read_error():
            raise PanicException("range end index 64 out of range for slice of length 24")


def test_an_interrupt_while_reading_a_spreadsheet_still_interrupts():
    with pytest.raises(KeyboardInterrupt):
        with spreadsheet._damage_as_read_error():
            raise KeyboardInterrupt
