"""Shapes real converters and printers give a report's text: a crawler's one-cell-per-line tables,
a browser's print furniture on every page, radical code points from PDF fonts, and numbering that
a PDF table puts inside a wrapped label cell."""

from __future__ import annotations

from pathlib import Path

from metrics.extract import extract_file
from metrics.extract.standard.source import grid_cell
from metrics.normalize import compact
from metrics.readers import read_document
from metrics.readers.page_furniture import drop_page_furniture
from metrics.readers.text_tables import tables_in_text

FIXTURES = Path(__file__).parent / "fixtures" / "renderings"


def test_cell_per_line_tables_become_grids_with_blank_cells_kept_in_place():
    doc = read_document(FIXTURES / "cell_per_line_pipes.txt")
    rows = [row for table in doc.tables for row in table.rows]
    assert rows[0][:1] == ["二、主动公开政府信息情况"]  # the heading above the table, a short line
    assert rows[1][:1] == ["第二十条第(一)项"]  # an article caption is a row of its own
    assert rows[2][:4] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert rows[3][:4] == ["规章", "0", "0", ""]
    assert rows[4][:4] == ["行政规范性文件", "4", "1", "9"]
    assert ["一、本年新收政府信息公开申请数量", "6", "1", "0", "0", "0", "0", "7"] in rows


def test_cell_per_line_report_gives_every_printed_figure_and_no_blank_one():
    got = extract_file(str(FIXTURES / "cell_per_line_pipes.txt")).totals()
    assert got["normative_issued"] == 4 and got["normative_abolished"] == 1 and got["normative_in_force"] == 9
    assert got["rules_issued"] == 0 and "rules_in_force" not in got  # printed blank: not stated
    assert got["penalty_decisions"] == 7 and "coercion_decisions" not in got
    assert got["requests_new"] == 7 and got["requests_carried_over"] == 1
    assert got["requests_new_natural_person"] == 6 and got["requests_new_legal_person"] == 1


def test_cells_with_no_row_borders_become_rows_of_a_label_and_its_values():
    text = "\n".join(
        [
            "二、主动公开政府信息情况",
            "第二十条第(五)项 |",
            "|||",
            "信息内容 |",
            "上一年项目数量",
            "|",
            "本年增/减 |",
            "处理决定数量 |",
            "行政许可 |",
            "12 |",
            "-3 |",
            "40",
            "其他对外管理服务事项 |",
            "5 |",
            "0 |",
            "7 |",
            "三、收到和处理政府信息公开申请情况。本年共收到申请3件，均已办结。",
        ]
    )
    rows = tables_in_text(text)[0].rows
    assert ["第二十条第(五)项"] in rows
    assert ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"] in rows
    assert ["行政许可", "12", "-3", "40"] in rows and ["其他对外管理服务事项", "5", "0", "7"] in rows
    assert not any("本年共收到申请" in cell for row in rows for cell in row)


def test_short_lines_with_no_border_anywhere_are_left_to_the_text_readers():
    assert tables_in_text("规章\n0\n0\n1\n行政许可\n2\n3\n4") == []


def test_browser_print_furniture_is_dropped_but_the_first_title_and_repeated_rows_stay():
    title = "示例县人民政府2023年政府信息公开工作年度报告_年报_示例县人民政府"
    text = "\n".join(
        [
            "12/3/26, 8:43 PM",
            title,
            "示例县人民政府2023年政府信息公开工作年度报告",
            "一、本年新收",
            "3",
            "file:///reports/a.html",
            "1/4",
            "12/3/26, 8:43 PM",
            title,
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "0 0 0 0 0 0 0",
            "https://example.gov.cn/a.html",
            "2/4",
            title,
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "0 0 0 0 0 0 0",
        ]
    )
    kept = drop_page_furniture(text).split("\n")
    assert kept.count(title) == 1 and kept[0] == title
    assert not any(line.startswith(("file:", "https:", "12/3/26")) or line in ("1/4", "2/4") for line in kept)
    assert kept.count("0 0 0 0 0 0 0") == 2
    assert kept.count("信息内容 本年制发件数 本年废止件数 现行有效件数") == 2


def test_radical_code_points_from_pdf_fonts_read_as_the_characters_they_show(tmp_path):
    path = tmp_path / "radicals.txt"
    path.write_text("⼀、本年新收政府信息公开申请数量 ⾏政复议 ⼈", encoding="utf-8")
    assert read_document(path).text == "一、本年新收政府信息公开申请数量 行政复议 人"
    assert compact("⾏政许可") == "行政许可"


def test_numbering_inside_a_wrapped_label_cell_is_no_part_of_the_label():
    assert compact(grid_cell("属于国 1. 家秘密")) == "属于国家秘密"
    assert compact(grid_cell("其他 3.")) == "其他"
    assert grid_cell("12") == "12" and grid_cell("2.5") == "2.5"
