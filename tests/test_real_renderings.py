"""Shapes real converters and printers give a report's text: a crawler's one-cell-per-line tables,
a browser's print furniture on every page, radical code points from PDF fonts, and numbering that
a PDF table puts inside a wrapped label cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.extract import extract_file
from metrics.extract.standard import extract_standard
from metrics.extract.standard.section3 import join_continued_rows, join_split_numbers, rejoin_wrapped_labels
from metrics.extract.standard.source import grid_cell
from metrics.models import Document, Table
from metrics.normalize import compact
from metrics.readers import read_document
from metrics.readers.drawn_tables import drawn_tables
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


def test_a_word_for_no_change_in_the_2019_change_column_is_a_cell_not_a_row_label(tmp_path):
    lines = [
        "示例县退役军人事务局2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(五)项 |",
        "信息内容 |",
        "上一年项目数量 |",
        "本年增/减 |",
        "处理决定数量 |",
        "行政许可 |",
        "4 |",
        "未增未减 |",
        "9 |",
        "其他对外管理服务事项 |",
        "2 |",
        "无变化 |",
        "3 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    rows = tables_in_text("\n".join(lines))[0].rows
    assert ["行政许可", "4", "未增未减", "9"] in rows and ["其他对外管理服务事项", "2", "无变化", "3"] in rows
    doc = tmp_path / "report.txt"
    doc.write_text("\n".join(lines), encoding="utf-8")
    got = extract_file(str(doc)).totals()
    assert (got["licensing_items_last_year"], got["licensing_decisions"]) == (4, 9)
    assert (got["other_services_items_last_year"], got["other_services_decisions"]) == (2, 3)


@pytest.mark.parametrize("border", ["", " |"])
def test_a_change_printed_as_its_word_before_its_number_is_one_cell_of_the_2019_change_column(
    tmp_path, border
):
    cells = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    cells += ["行政许可", "5378", "增1558", "6936", "其他对外管理服务事项", "4", "减1", "2"]
    lines = ["示例县市场监督管理局2019年政府信息公开工作年度报告", "二、主动公开政府信息情况"]
    lines += [line for cell in cells for line in (f"{cell}{border}", "")]
    lines.append("三、收到和处理政府信息公开申请情况")
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["licensing_items_last_year"], got["licensing_decisions"]) == (5378, 6936)
    assert (got["other_services_items_last_year"], got["other_services_decisions"]) == (4, 2)


def test_rows_whose_label_broke_from_their_values_under_a_header_printed_one_cell_a_line(tmp_path):
    lines = [
        "示例县林业局2022年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(一)项 | |||",
        "信息内容 |",
        "本年制发件数 |",
        "本年废止件数 |",
        "现行有效件数 |",
        "规章 |",
        "0 | 0 | 1 |",
        "行政规范性文件 |",
        "2 | 1 | 7 |",
        "第二十条第(五)项 | |||",
        "信息内容 |",
        "本年处理决定数量 | ||",
        "行政许可 |",
        "114 | ||",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["rules_issued"], got["rules_abolished"], got["rules_in_force"]) == (0, 0, 1)
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (2, 1, 7)
    assert got["licensing_decisions"] == 114


def test_a_procurement_count_printed_with_its_unit_is_one_cell_never_digits_run_together(tmp_path):
    cells = [
        "第二十条第(九)项",
        "信息内容",
        "采购项目数量",
        "采购总金额",
        "政府集中采购",
        "31批次",
        "709455.9元",
    ]
    lines = ["示例县财政局2019年政府信息公开工作年度报告", "二、主动公开政府信息情况"]
    lines += [line for cell in cells for line in (cell, "")]
    lines.append("三、收到和处理政府信息公开申请情况")
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["procurement_projects"], got["procurement_amount_10k_yuan"]) == (31, 70.94559)
    # A count with a unit no cell carries is still one count: its row is left out, never read as 3 and 1.
    lines[lines.index("31批次")] = "31宗"
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got.get("procurement_projects") != 3 and got.get("procurement_amount_10k_yuan") != 1


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


def test_radical_code_points_in_a_pages_fields_read_as_the_characters_they_show(tmp_path):
    path = tmp_path / "radicals.txt"
    path.write_text("标题:沂⽔县卫⽣局2009年政府信息公开⼯作年度报告\n正文", encoding="utf-8")
    assert read_document(path).page_meta["标题"] == "沂水县卫生局2009年政府信息公开工作年度报告"


def test_supplement_radicals_without_a_unicode_mapping_read_as_the_characters_they_show(tmp_path):
    path = tmp_path / "radicals.txt"
    path.write_text("某市人⺠政府办公室 首⻚ ⻓期", encoding="utf-8")
    assert read_document(path).text == "某市人民政府办公室 首页 长期"


def test_numbering_inside_a_wrapped_label_cell_is_no_part_of_the_label():
    assert compact(grid_cell("属于国 1. 家秘密")) == "属于国家秘密"
    assert compact(grid_cell("其他 3.")) == "其他"
    assert grid_cell("12") == "12" and grid_cell("2.5") == "2.5"


SECTION4_HEADER = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议 行政诉讼",
    "未经复议直接起诉 复议后起诉",
    "结 结 其 尚",
    "果 果 他 未 总",
    "维 纠 结 审 计",
    "持 正 果 结",
]


def _doc(tmp_path, lines: list[str]) -> str:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


def test_a_page_holding_only_section4_is_read_as_a_standard_report_of_its_year(tmp_path):
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        *SECTION4_HEADER,
        "1 0 0 0 1 0 0 0 1 1 0 0 0 0 0",
        "五、存在的主要问题及改进情况",
    ]
    ex = extract_file(_doc(tmp_path, lines))
    assert ex.format == "std2019"
    got = ex.totals()
    assert got["review_upheld"] == 1 and got["review_total"] == 1 and got["lit_direct_pending"] == 1


def test_a_prose_page_of_a_standard_year_is_no_legacy_report(tmp_path):
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "2023年，本局共收到政府信息公开申请3件，均已按时答复。",
    ]
    ex = extract_file(_doc(tmp_path, lines))
    assert ex.format == "std2021"
    # The overview's counts stand in for the unread table: all 3 requests answered.
    assert ex.totals() == {"requests_new": 3, "outcome_total": 3}


def test_section4_numbers_one_per_line_that_do_not_add_up_are_not_taken_in_their_printed_order(tmp_path):
    # A PDF-to-text tool's order: review 2 1 0 0 0 cannot be a group whose 总计 is its last cell.
    values = ["2", "1", "0", "0", "0", "0", "0", "0", "3", "3", "3", "6", "2", "0", "2"]
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        *SECTION4_HEADER,
        *values,
        "五、存在的主要问题及改进情况",
    ]
    ex = extract_file(_doc(tmp_path, lines))
    assert not any(m.startswith(("review_", "lit_")) for m in ex.totals())
    assert any(f.code == "ambiguous_row" and "section 四" in f.message for f in ex.flags)


def test_rows_matched_to_labels_by_order_are_dropped_when_they_break_the_identities(tmp_path):
    # Labels first, then the numbers one per line: 本年新收 3 with nothing carried over cannot end with
    # 5 handled, so the order they were matched in is wrong somewhere.
    numbers = "3 0 0 0 0 0 3 0 0 0 0 0 0 0 5 0 0 0 0 0 5".split()
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果 （一）予以公开",
        *numbers,
        "（七）总计",
        "3 0 0 0 0 0 3",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    ex = extract_file(_doc(tmp_path, lines))
    assert not {"requests_new", "outcome_granted"} & set(ex.totals())
    assert any("stand on lines apart from their labels" in f.message for f in ex.flags)


def test_a_row_numbering_alone_on_its_line_is_no_count(tmp_path):
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 2 0 0 0 0 0 2",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
        "（三）不予公开",
        "属于国家秘密",
        "1.",
        "2.",
        "3.",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["requests_new"] == 2 and "denied_state_secret" not in got


def test_header_cells_cut_short_alike_give_their_columns_in_the_layouts_order(tmp_path):
    lines = [
        "示例镇人民政府2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(一)项 | ||||",
        "信息内容 | 本年新 | 本年新 | 对外公开总数量 | |",
        "规章 | 0 | 0 | 0 | |",
        "规范性文件 | 4 | 3 | 12 | |",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["rules_issued"] == 0 and got["rules_published"] == 0 and got["rules_in_force"] == 0
    assert got["normative_in_force"] == 12
    # 本年新 twice: 本年新制作数量 then 本年新公开数量, as the national template orders them.
    assert (got["normative_issued"], got["normative_published"]) == (4, 3)


def test_markdown_spans_links_and_raw_tags_leave_only_the_words():
    from metrics.readers.markup import strip_markup

    assert strip_markup('[0]{style="letter-spacing: 0;font-size: 19px"}') == "0"
    assert strip_markup('[[规章]{.x}]{style="a: 1"} [见附件](http://a.gov.cn/1.pdf)') == "规章 见附件"
    assert strip_markup('<td width="42"\nstyle="border: 1px"> 12 </td>').split() == ["12"]


def test_a_pipe_row_keeps_its_values_when_merged_label_columns_leave_blank_cells_before_them(tmp_path):
    lines = [
        "示例区人民政府2020年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "| 一、本年新收政府信息公开申请数量 | | | 30 | 2 | | | | 1 | 33 |",
        "| 二、上年结转政府信息公开申请数量 | | | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| 三、本年度办理结果 | （一）予以公开 | | 20 | 2 | | | | 1 | |",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["requests_new"] == 33 and got["outcome_granted"] == 23  # its blank 总计: the row's sum


def test_a_markdown_tables_empty_head_row_is_not_section4s_printed_row(tmp_path):
    empty = "|" + "   |" * 15
    lines = [
        "示例区人民政府2020年政府信息公开工作年度报告",
        "四、政府信息公开行政复议、行政诉讼情况",
        empty,
        "|" + "---|" * 15,
        "| 行政复议 | | | | | 行政诉讼 |" + " |" * 9,
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |"
        + " |" * 4
        + " 复议后起诉 |"
        + " |" * 4,
        "| 5 | | | 2 | 7 | 8 | | | 1 | 9 | | | | | |",
        "五、存在的主要问题及改进情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["review_upheld"] == 5 and got["review_total"] == 7 and got["lit_direct_total"] == 9


def test_rows_of_a_block_with_stray_borders_are_not_padded_to_one_width():
    # Two stray lone borders mark no rows: a row short of a cell must stay short, or a reader would
    # line its values up one column off.
    text = "\n".join(
        [
            "第二十条第(一)项 |",
            "信息内容 |",
            "本年制发件数 |",
            "本年废止件数 |",
            "现行有效件数 |",
            "|",
            "规章 |",
            "0 |",
            "0 |",
            "行政规范性文件 |",
            "|",
            "4 |",
            "1 |",
            "9 |",
        ]
    )
    rows = tables_in_text(text)[0].rows
    assert ["规章", "0", "0"] in rows and ["行政规范性文件", "4", "1", "9"] in rows


def test_a_text_browsers_drawn_table_reads_like_a_bordered_one(tmp_path):
    lines = [
        "示例区人民政府2023年政府信息公开工作年度报告",
        "四、政府信息公开行政复议、行政诉讼情况",
        "┌─────┬─────┐",
        "│行政复议 │行政诉讼 │",
        "├──┬──┼──┬──┤",
        "│ │ │未经复议直接起诉 │复议后起诉 │",
        "├──┬──┼──┬──┤",
        "│0 │0 │0 │0 │1 │1 │0 │0 │0 │1 │0 │0 │0 │0 │0 │",
        "└──┴──┴──┴──┘",
        "五、存在的主要问题及改进情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["review_total"] == 1 and got["lit_direct_total"] == 1 and got["lit_after_review_total"] == 0
    assert "─" not in read_document(Path(_doc(tmp_path, lines))).text


def test_quotes_that_pdf_text_sets_apart_do_not_break_a_label():
    assert compact('危及 三 " 安全一稳定 "') == compact("危及“三安全一稳定”") == "危及三安全一稳定"


def test_a_parents_label_beside_a_cut_sub_row_label_does_not_take_that_rows_numbers(tmp_path):
    # A PDF grid whose wrapped label cell was cut: "补正后申请内容" matches no row, and its numbers are
    # not 无法提供's; the parent is the sum of the sub-rows it can be sure of, or nothing.
    lines = [
        "示例区人民政府2023年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "| 一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
        "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| （四）无法提供 | 1.本机关不掌握相关政府信息 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
        "| （四）无法提供 | 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| （四）无法提供 | 3.补正后申请内容 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["unable_not_held"] == 4 and got.get("outcome_unable") != 0


def test_layout_text_drops_page_marks_set_side_by_side_with_the_running_title():
    title = "示例县人民政府2023年政府信息公开工作年度报告_年报_示例县人民政府"
    text = "\n".join(
        [
            title,
            "一、本年新收政府信息公开申请数量  3",
            "file:///reports/a.html          2/4",
            f"12/3/26, 8:43 PM          {title}",
            "二、上年结转政府信息公开申请数量  0",
        ]
    )
    kept = drop_page_furniture(text).split("\n")
    assert kept == [title, "一、本年新收政府信息公开申请数量  3", "二、上年结转政府信息公开申请数量  0"]


def test_pieces_of_the_printed_page_head_run_into_a_markdown_tables_cells_are_dropped():
    # pymupdf4llm reads a browser print's head (time and running title) into the table that starts a
    # page, one piece after each cell's last line break.
    title = "示例县人民政府2023年政府信息公开工作年度报告_年报_示例县人民政府"
    text = "\n".join(
        [
            f"12/3/26, 8:43 PM {title}",
            "正文",
            "file:///reports/a.html",
            "2/4",
            f"12/3/26, 8:43 PM {title}",
            "||4.保护第<br>三方合法<br>权益<br>示例县人民政|3<br>府2023年政|0<br>府信息公开工|3<br>作年度报告_年报_示例县人民政府|",
            "||5.属于三类内部事务信息|1<br>2|0|1|",
        ]
    )
    kept = drop_page_furniture(text).split("\n")
    assert "||4.保护第<br>三方合法<br>权益|3|0|3|" in kept
    assert "||5.属于三类内部事务信息|1<br>2|0|1|" in kept  # two lines of a cell that spell no page head


def test_a_print_time_opens_the_printers_running_head_whatever_page_title_follows_it():
    """A page whose title is no report's ('一、总体情况', a site's name) still has its print time and
    title at every page's head, where a table crosses the page break."""
    text = "\n".join(
        [
            "3/1/26, 10:00 AM 一、总体情况",
            "一、总体情况",
            "行政规范性文件",
            "0",
            "3/1/26, 10:00 AM 一、总体情况",
            "0",
            "0",
        ]
    )
    assert drop_page_furniture(text).split("\n") == ["一、总体情况", "行政规范性文件", "0", "0", "0"]
    firefox = "\n".join(["行政规范性文件", "0", "Page 2 of 5", "0", "0"])
    assert drop_page_furniture(firefox).split("\n") == ["行政规范性文件", "0", "0", "0"]


def _section3_grid(rows: list[list[str]], heads: list[str]) -> Table:
    label = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    return Table([[label, label, *heads], *rows], "page 4, table 1")


def _standard_doc(tables: list[Table], text: str = "") -> Document:
    return Document(text=f"示例县审计局2023年政府信息公开工作年度报告\n{text}", tables=tables, path="x.pdf")


def test_a_section3_table_printed_without_its_total_column_gets_each_rows_total_from_its_six_cells():
    heads = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    rows = [
        ["一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "7", "2", "", "", "1", ""],
        ["二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "1", "", "", "", "", ""],
    ]
    facts, _ = extract_standard(_standard_doc([_section3_grid(rows, heads)]), "std2021")
    totals = {f.metric_id: f for f in facts if f.column == "total"}
    assert totals["requests_new"].value == 10 and totals["requests_new"].derived
    assert totals["requests_carried_over"].value == 1


def test_a_section3_table_with_its_total_column_is_read_as_printed():
    heads = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [
        [
            "一、本年新收政府信息公开申请数量",
            "一、本年新收政府信息公开申请数量",
            "7",
            "2",
            "",
            "",
            "1",
            "",
            "9",
        ]
    ]
    facts, _ = extract_standard(_standard_doc([_section3_grid(rows, heads)]), "std2021")
    totals = {f.metric_id: f for f in facts if f.column == "total"}
    assert totals["requests_new"].value == 9 and not totals["requests_new"].derived


def test_a_label_cut_by_a_page_break_is_joined_but_a_row_printed_blank_keeps_its_own_label():
    parent = "（三）不予公开"
    rows = [
        ["三、本年度办理结果", parent, "3.危及“三安全一稳定”", "0", "0", "0", "0", "0", "0", "0"],
        ["三、本年度办理结果", parent, "4.保护第三方合法", "2", "0", "0", "0", "0", "0", "2"],
        ["", "", "权益", "", "", "", "", "", "", ""],
        ["", "（六）其", "1.申请人无正当理由逾", "1", "0", "0", "0", "0", "0", "1"],
        ["", "他处理", "期不补正、行政机关不再处理其政府信息公开申请", "", "", "", "", "", "", ""],
        [
            "",
            "他处理",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
    joined = join_continued_rows(Table(rows, "page 5, table 1")).rows
    assert [r[2] for r in joined] == [
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ]
    assert joined[2][1] == "（六）其他处理"


def test_numbers_printed_midway_down_a_wrapped_label_in_pdf_text_go_to_that_label(tmp_path):
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5",
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
        "保护第",
        "4.",
        "三方合法",
        "2 0 0 0 0 0 2",
        "权益",
        "属于三 5. 类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
        "1.本机关不掌握相",
        "3 0 0 0 0 0 3",
        "关政府信息",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["denied_third_party"] == 2
    assert got["denied_internal_affairs"] == 1
    assert got["unable_not_held"] == 3


# pdftotext -layout's opening of section 三: numbers in columns, two spaces apart or more.
_LAYOUT_SECTION3_HEAD = [
    "示例县审计局2023年政府信息公开工作年度报告",
    "三、收到和处理政府信息公开申请情况",
    "    一、本年新收政府信息公开申请数量      5     0    0    0    0    0    5",
    "    二、上年结转政府信息公开申请数量      0     0    0    0    0    0    0",
]


def test_a_rows_cells_split_over_two_lines_of_its_wrapped_label_in_layout_text_are_joined(tmp_path):
    # pdftotext -layout: the first cell beside one line of the label, the other six beside a later
    # line, blank lines between; a label begun above its first cell (申请人无正当理由逾 / 1.).
    lines = [
        *_LAYOUT_SECTION3_HEAD,
        "                    其他法律行政法 2",
        "",
        "                   2.",
        "                   规禁止公开              0    0    0    0    0    2",
        "",
        "                    保护第三方合法 1",
        "                   4.",
        "",
        "                   权益                    0    1    0    0    0    2",
        "                    申请人无正当理由逾",
        "                   1.",
        "                   期不补正、行政机关不 3",
        "                   再处理其政府信息公开    0    0    0    0    0    3",
        "                   申请",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["denied_law_forbidden"] == 2
    assert got["denied_third_party"] == 2
    assert got["other_no_correction"] == 3


def test_a_label_finished_by_the_piece_beside_its_numbers_takes_those_numbers(tmp_path):
    # The label begins above (申请人无正当理由逾期不 / 1.) and 逾期不补正 ends beside the numbers; its
    # tail (政府信息公开申请) follows them.
    lines = [
        *_LAYOUT_SECTION3_HEAD,
        "                   5.要求行政机关确认或重新出具已获取信息  1    0    0    0    0    0    1",
        "                    申请人无正当理由逾期不",
        "                   1.",
        "                   补正、行政机关不再处理其 2    0    0    0    0    0    2",
        "                   政府信息公开申请",
        "                   3.其他                   0    0    0    0    0    0    0",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["np_confirmation"] == 1
    assert got["other_no_correction"] == 2


def test_numbers_of_two_rows_are_not_joined_when_the_first_lines_cells_stand_right_of_the_seconds():
    lines = [
        "   保护第三方合法                                   0",
        "   4.",
        "   权益          1    0    0    0    0    1",
    ]
    assert join_split_numbers(lines) == lines


def test_a_numbers_line_between_a_label_and_an_unrelated_line_stays_where_it_is():
    text = "（一）予以公开\n3 0 0 0 0 0 3\n（二）部分公开"
    assert rejoin_wrapped_labels(text) == text


def test_a_print_time_joined_to_the_running_title_by_one_space_is_dropped():
    title = "示例县审计局2023年政府信息公开工作年度报告_年报_示例县人民政府"
    text = "\n".join(
        [
            title,
            "一、总体情况",
            "file:///tmp/report.html 3/9",
            f"12/3/26, 10:53 PM {title}",
            "二、主动公开政府信息情况",
        ]
    )
    assert drop_page_furniture(text).split("\n") == [title, "一、总体情况", "二、主动公开政府信息情况"]


def test_a_heading_line_above_a_bordered_cell_per_line_table_is_not_its_first_cell():
    lines = [
        "二、主动公开政府信息情况",
        "信息内容 |",
        "本年新制作数量 |",
        "本年新公开数量 |",
        "对外公开总数量 |",
    ]
    lines += ["规章 |", "0 |", "1 |", "2 |", "规范性文件 |", "3 |", "4 |", "5 |"]
    rows = tables_in_text("\n".join(lines))[0].rows
    assert rows[0] == ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]


def test_a_header_cut_short_in_plain_text_still_names_its_column_when_no_other_column_starts_alike(tmp_path):
    lines = ["示例县审计局2020年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第(五)项"]
    lines += ["信息内容", "上一年项目数量", "本年增/", "处理决定数量", "行政许可", "14", "+3", "17"]
    lines += ["三、收到和处理政府信息公开申请情况"]
    got = extract_file(_doc(tmp_path, ["\n".join(lines).replace("\n", "\n\n")])).totals()
    assert (got["licensing_items_last_year"], got["licensing_items_change"], got["licensing_decisions"]) == (
        14,
        3,
        17,
    )


def test_cells_one_per_line_in_table_order_are_kept_even_where_the_report_does_not_add_up(tmp_path):
    # A crawler's text of an HTML table: each label, then exactly its seven cells. The report's own
    # 总计 contradicts its cells (8 + 1 ≠ 8): the printed figures are kept and flagged, not dropped.
    rows = [
        ("一、本年新收政府信息公开申请数量", "9 0 0 0 0 0 9"),
        ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
        ("（一）予以公开", "0 0 0 0 0 0 0"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "8 1 0 0 0 0 8"),
        ("（七）总计", "8 1 0 0 0 0 8"),
        ("四、结转下年度继续办理", "1 0 0 0 0 0 1"),
    ]
    lines = ["示例县审计局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    for label, cells in rows:
        lines += [label, *cells.split()]
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    ex = extract_file(_doc(tmp_path, lines))
    got = ex.totals()
    assert got["requests_new"] == 9 and got["outcome_partial"] == 8 and got["requests_carried_forward"] == 1
    assert any(f.code == "identity:std_columns" for f in ex.flags)


DRAWN = """\
三、收到和处理政府信息公开申请情况
┌────────┬─────────────────┬──────┬──────┐
│        │                 │自然人│总计  │
├────────┴─────────────────┼──────┼──────┤
│一、本年新收政府信息公开申│3     │3     │
│请数量                    │      │      │
├────────┬─────────────────┼──────┼──────┤
│        │1.属于国家秘密   │1     │1     │
│（三）不├─────────────────┼──────┼──────┤
│予公开  │2.其他法律行政法 │0     │0     │
│        │规禁止公开       │      │      │
└────────┴─────────────────┴──────┴──────┘
"""


def test_a_text_browsers_drawn_table_keeps_each_wrapped_label_whole_in_its_row():
    rows = drawn_tables(DRAWN)[0].rows
    assert ["一、本年新收政府信息公开申请数量", "", "3", "3"] in rows
    assert ["", "1.属于国家秘密", "1", "1"] in rows
    # a parent's text beside a row's border line goes with the row below it
    assert ["（三）不予公开", "2.其他法律行政法规禁止公开", "0", "0"] in rows


def test_a_markdown_header_row_broken_at_each_cells_line_break_is_joined_back(tmp_path):
    lines = ["示例县审计局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项"]
    lines += ["信息内容| 本年新  ", "制作数量| 本年新  ", "公开数量| 对外公开总数量  ", "规章| 0| 1| 2  "]
    lines += ["规范性文件| 5| 4| 3  ", "三、收到和处理政府信息公开申请情况"]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (5, 4, 3)


def test_a_layout_header_wrapped_within_its_columns_is_joined_by_characters_or_display_width(tmp_path):
    by_characters = [
        "信息内容        本年新      本年新       对外公开总数量",
        "            制作数量     公开数量",
    ]
    by_width = [
        "信息内容          本年新        本年新       对外公开总数量",
        "                  制作数量      公开数量",
    ]
    for header in (by_characters, by_width):
        lines = [
            "示例县审计局2021年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
        ]
        lines += [*header, "规章            0        1         2", "三、收到和处理政府信息公开申请情况"]
        got = extract_file(_doc(tmp_path, lines)).totals()
        assert (got["rules_issued"], got["rules_published"], got["rules_in_force"]) == (0, 1, 2)


def test_a_pandoc_tables_closing_rule_ends_its_last_row(tmp_path):
    lines = ["示例县审计局2021年政府信息公开工作年度报告", "二、主动公开政府信息情况"]
    lines += ["  ------------------ ----------------------------", "  第二十条第（八）项"]
    lines += ["  信息内容           本年收费金额（单位：万元）", "  行政事业性收费     1.5"]
    lines += ["  ------------------ ----------------------------", "", '<table style="width: 10%">']
    lines += ["三、收到和处理政府信息公开申请情况"]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["fees_collected_10k_yuan"] == 1.5


def test_numbers_printed_before_each_label_are_not_taken_for_the_next_rows(tmp_path):
    # A PDF-to-text order: each row's cells come above its label, so a label's following cells are
    # the next row's. Read in order they would shift every row by one.
    rows = [
        ("一、本年新收政府信息公开申请数量", "5 0 0 0 0 0 5"),
        ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
        ("（一）予以公开", "5 0 0 0 0 0 5"),
        ("（七）总计", "5 0 0 0 0 0 5"),
        ("四、结转下年度继续办理", "0 0 0 0 0 0 0"),
    ]
    lines = ["示例县审计局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    for label, cells in rows:
        lines += [*cells.split(), label]
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got.get("requests_new") in (None, 5) and got.get("outcome_total") in (None, 5)
    assert got.get("requests_carried_over") in (None, 0)


def test_rows_matched_to_labels_by_order_alone_are_dropped_when_no_identity_ties_them_to_the_rest(tmp_path):
    # PDF-to-text prints the labels of a block of rows, then their numbers: matched in order, each row
    # is trusted only as far as an identity with fully read rows checks it. Here the total is not
    # read, so a 1 could belong to any of the rows.
    labels = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请"]
    rows = ["0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "0 0 0 0 0 0 0", "1 0 0 0 0 0 1"]
    lines = ["示例县审计局2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    lines += [
        "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
    ]
    cells = [cell for row in rows for cell in row.split()]
    lines += ["（五）不予处理", *labels, *cells, "四、政府信息公开行政复议、行政诉讼情况"]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["requests_new"] == 1
    assert not {"np_petition", "np_duplicate", "np_publication", "np_mass_repeat"} & set(got)


def test_a_section2_header_wrapped_in_plain_text_places_values_by_the_layouts_column_order(tmp_path):
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "本年新 本年新",
        "信息内容 对外公开总数量",
        "制作数量 公开数量",
        "规章 1 2 3",
        "规范性文件 4 5 6",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["rules_issued"], got["rules_published"], got["rules_in_force"]) == (1, 2, 3)
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (4, 5, 6)


def test_a_section2_header_naming_too_few_columns_of_either_layout_places_nothing(tmp_path):
    # Two numbers under a header that names one column of a three-column row: no layout fits.
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        "第二十条第（一）项",
        "信息内容 对外公开总数量",
        "规章 1 2",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert not any(m.startswith("rules_") for m in got)


def test_section2_numbers_printed_above_their_row_labels_are_not_given_to_the_next_label(tmp_path):
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        "第二十条第（一）项",
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
        "13 13 524",
        "规章",
        "60 60 368",
        "规范性文件",
        "第二十条第（五）项",
        "三、收到和处理政府信息公开申请情况",
    ]
    ex = extract_file(_doc(tmp_path, lines))
    assert not any(m.startswith(("rules_", "normative_")) for m in ex.totals())
    assert any("stand above its row labels" in f.message for f in ex.flags)


def test_section2_header_notes_with_numbers_do_not_count_as_numbers_above_the_rows(tmp_path):
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        "第二十条第（六）项",
        "信息内容 | 上一年项目数量 | 本年增/减(减用负值表示,如-8) | 处理决定数量(指2020年办件量) |",
        "行政处罚 | 90 | 0 | 22 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert extract_file(_doc(tmp_path, lines)).totals()["penalty_decisions"] == 22


def test_pieces_of_a_wrapped_group_cell_between_sub_row_lines_are_dropped():
    text = "\n".join(
        [
            "4.保护第三方合法",
            "0 0 0 0 0 0 0",
            "权益",
            "（三）",
            "不予公",
            "5.属于三类内部事",
            "开",
            "1 0 0 0 0 0 1",
            "务信息",
            "3.要求提供公开出",
            "（五） 2 0 0 0 0 0 2",
            "版物",
            "不予处",
            "理",
        ]
    )
    lines = rejoin_wrapped_labels(text).split("\n")
    assert "属于三类内部事务信息" in compact(
        "".join(lines[lines.index("权益") + 1 : lines.index("1 0 0 0 0 0 1")])
    )
    # The numbers keep their columns (layout text places cells by them); the piece before them goes.
    assert "2 0 0 0 0 0 2" in [line.strip() for line in lines] and not any(
        line.strip() in ("（三）", "不予公", "开", "不予处", "理") for line in lines
    )


def test_group_cell_pieces_before_sub_row_labels_on_the_same_line_are_dropped():
    text = "\n".join(
        [
            "（三）不1.属于国家秘密 0 0 0 0 0 0 0",
            "予公开",
            "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0",
            "（四）无2.没有现成信息需要另",
            "0 0 0 0 0 0 0",
            "法提供 行制作",
        ]
    )
    # What stays of a line keeps its columns (layout text places cells by them).
    lines = [line.strip() for line in rejoin_wrapped_labels(text).split("\n")]
    assert lines[0] == "1.属于国家秘密 0 0 0 0 0 0 0" and "予公开" not in lines
    assert "2.没有现成信息需要另" in lines and lines[-2:] == ["行制作", "0 0 0 0 0 0 0"]


def test_a_row_numbering_line_and_a_lone_quote_inside_a_wrapped_label_do_not_split_it():
    text = "\n".join(["危及 三", "3. “", "安全一稳", "2 0 0 0 0 0 2", "定", "”"])
    lines = rejoin_wrapped_labels(text).split("\n")
    numbers = lines.index("2 0 0 0 0 0 2")
    assert compact("".join(lines[:numbers])) == "危及三安全一稳定"


def test_a_section2_row_label_wrapped_around_its_numbers_is_joined(tmp_path):
    lines = [
        "示例县审计局2023年政府信息公开工作年度报告",
        "第二十条第（一）项",
        "信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 0 0 0",
        "行政规范性文",
        "11 4 251",
        "件",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (11, 4, 251)


def test_a_mirror_page_in_taiwan_phrasing_is_read_like_its_mainland_original(tmp_path):
    lines = [
        "示例縣審計局2020年政府資訊公開工作年度報告",
        "第二十條第(一)項 |",
        "信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量 |",
        "規範性檔案 | 2 | 2 | 19 |",
        "三、收到和處理政府資訊公開申請情況",
        "一、本年新收政府資訊公開申請數量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["normative_issued"], got["normative_in_force"], got["requests_new"]) == (2, 19, 3)


def _sparse_section3(header: str, granted: str) -> list[str]:
    """Section 三 of a table that prints its zeros blank, as HTML-to-text tools flatten it."""
    return [
        "示例县审计局2020年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        header,
        "一、本年新收政府信息公开申请数量 40 5 1 2 48",
        "二、上年结转政府信息公开申请数量 3 3",
        f"三、本年度办理结果 （一）予以公开 {granted}",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 4 4",
        "（三）不予公开 1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "（七）总计 41 4 1 46",
        "四、结转下年度继续办理 2 1 1 1 5",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


_SPARSE_HEADER = "自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他"


def test_a_table_printing_zeros_blank_has_blank_totals_summed_and_empty_rows_zero(tmp_path):
    got = extract_file(_doc(tmp_path, _sparse_section3(_SPARSE_HEADER, "20 2 1"))).totals()
    assert got["outcome_granted"] == 23 and got["requests_new"] == 48
    assert got["denied_state_secret"] == 0 and got["denied_law_forbidden"] == 0


def test_blank_totals_are_not_summed_where_the_table_prints_zeros(tmp_path):
    lines = _sparse_section3(_SPARSE_HEADER, "20 2 1")
    lines[4] = "二、上年结转政府信息公开申请数量 3 0 0 0 0 0 3"
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert "outcome_granted" not in got and "denied_state_secret" not in got


def test_blank_totals_are_not_summed_where_the_header_lost_its_total_column(tmp_path):
    # A converter that cut the table's right-hand columns off the page also cut their numbers.
    header = "自然人 法人或其他组织 商业企业 科研机构"
    got = extract_file(_doc(tmp_path, _sparse_section3(header, "20 2 1"))).totals()
    assert "outcome_granted" not in got


def test_section3_numbers_printed_above_each_label_are_given_to_no_row(tmp_path):
    lines = [
        "示例县审计局2020年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "自然人 法人或其他组织 总计",
        "15 0 0 0 0 0 15",
        "一、本年新收政府信息公开申请数量",
        "1 0 0 0 0 0 1",
        "二、上年结转政府信息公开申请数量",
        "6 0 0 0 0 0 6",
        "（一）予以公开",
        "四、结转下年度继续办理",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert not {"requests_new", "requests_carried_over", "outcome_granted"} & set(got)


def _overview_only(tmp_path, sentence: str, year: int = 2020) -> dict[str, float]:
    lines = [
        f"示例县林业局{year}年政府信息公开工作年度报告",
        "一、总体情况",
        sentence,
        "二、主动公开政府信息情况",
    ]
    return extract_file(_doc(tmp_path, lines)).totals()


def test_an_overview_breakdown_that_adds_up_stands_in_for_a_missing_section3(tmp_path):
    got = _overview_only(
        tmp_path,
        "2020年收到依申请公开信息171条,其中:予以公开4条,不予公开(三类内部事务信息)2条,"
        "不予处理(无正当理由大量反复申请)165条。",
    )
    assert (got["requests_new"], got["outcome_granted"], got["outcome_denied"]) == (171, 4, 2)
    assert (got["denied_internal_affairs"], got["outcome_not_processed"], got["np_mass_repeat"]) == (
        2,
        165,
        165,
    )


def test_an_overview_breakdown_that_does_not_add_up_or_names_other_things_gives_no_outcome(tmp_path):
    short = _overview_only(tmp_path, "2020年收到政府信息公开申请10件,其中予以公开4件,不予公开2件。")
    assert short["requests_new"] == 10 and "outcome_granted" not in short
    other = _overview_only(tmp_path, "2020年收到政府信息公开申请6件,其中予以公开4件,电话咨询2件。")
    assert "outcome_granted" not in other


def test_an_overview_breakdown_in_the_next_sentence_adding_up_to_the_answered_requests_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年收到政府信息公开申请信件15件,其中本年度答复14件,结转下年度办理1件。"
        "在已答复的信件中,予以公开5件,部分公开3件,无法提供6件。",
        year=2022,
    )
    assert (got["outcome_total"], got["outcome_granted"], got["outcome_partial"]) == (14, 5, 3)
    assert got["outcome_unable"] == 6


def test_an_overview_breakdown_naming_sub_rows_gives_them_and_their_top_rows(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共收到政府信息公开申请7件。其中,予以公开2件,属于三类内部事务信息1件,"
        "本机关不掌握相关政府信息3件,其他1件(申请人撤回申请)。",
        year=2022,
    )
    assert (got["outcome_granted"], got["denied_internal_affairs"], got["outcome_denied"]) == (2, 1, 1)
    assert (got["unable_not_held"], got["outcome_unable"], got["outcome_other"]) == (3, 3, 1)
    assert got["outcome_total"] == 7  # 总计, the sum of the top rows the breakdown adds up to


def test_overview_counts_without_a_verb_in_cases_or_after_a_total_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年行政许可决定278件、行政处罚1217件、行政强制402件。行政许可处理决定数量324宗不是本机关的。"
        "全年新收到政府信息公开申请80件,上年结转政府信息公开申请数量7件,共计办结84件。",
        year=2022,
    )
    assert (got["penalty_decisions"], got["coercion_decisions"]) == (1217, 402)
    assert "licensing_decisions" not in got  # stated twice with two values
    assert (got["requests_carried_over"], got["outcome_total"]) == (7, 84)


def test_requests_carried_forward_counted_before_their_words_and_requests_received_as_shou(tmp_path):
    got = _overview_only(
        tmp_path, "全年收政府信息公开申请46件,本年度办结41件,剩余5件结转下年度办理。", year=2022
    )
    assert (got["requests_new"], got["outcome_total"], got["requests_carried_forward"]) == (46, 41, 5)
    answered = _overview_only(
        tmp_path, "2022年共收到依申请公开20件,19件已按照规定时限和程序进行了答复,1件结转下年。", year=2022
    )
    assert (answered["outcome_total"], answered["requests_carried_forward"]) == (19, 1)
    deferred = _overview_only(
        tmp_path, "2023年已答复136件(含上年度结转2件),另外3件申请依法顺延到下年度答复。", year=2023
    )
    assert deferred["requests_carried_forward"] == 3


def test_decisions_named_together_and_counted_respectively_stand_in_each_in_its_order(tmp_path):
    got = _overview_only(
        tmp_path, "2023年,全市行政许可、行政处罚、行政强制决定数量分别为2897宗、466宗和59宗。", year=2023
    )
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (
        2897,
        466,
        59,
    )
    zero = _overview_only(tmp_path, "行政许可、行政处罚、行政强制决定数量分别为0宗。", year=2023)
    assert (zero["licensing_decisions"], zero["penalty_decisions"], zero["coercion_decisions"]) == (0, 0, 0)
    # Counts short of the names, or another year's, say nothing of the report's year.
    assert "licensing_decisions" not in _overview_only(
        tmp_path, "行政许可、行政处罚、行政强制决定数量分别为3宗、4宗。", year=2023
    )
    assert "penalty_decisions" not in _overview_only(
        tmp_path, "2022年行政许可、行政处罚决定数量分别为3宗、4宗。", year=2023
    )


def test_requests_counted_as_cases_of_a_kind_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年收到依申请公开件10件,其中自然人申请件9件,法人或其他组织申请件1件。",
        year=2022,
    )
    assert (got["requests_new"], got["requests_new_natural_person"], got["requests_new_legal_person"]) == (
        10,
        9,
        1,
    )


def test_requester_counts_splitting_a_total_with_last_years_requests_are_left_out(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年度,接收政府信息公开申请124宗(含2021年度结转5宗),公民申请113宗,法人和其他组织申请11宗。",
        year=2022,
    )
    assert "requests_new_legal_person" not in got and "requests_new_natural_person" not in got


def test_a_breakdown_between_section3s_heading_and_its_cut_table_stands_in_for_the_outcome_rows(tmp_path):
    lines = [
        "示例区人民政府办公室2022年政府信息公开工作年度报告",
        "一、总体情况",
        "本办坚持依法公开。",
        "三、收到和处理政府信息公开申请情况",
        "2022年,本办共收到6份政府信息公开申请。其中,予以公开2件,部分公开1件,本机关不掌握相关政府信息3件。",
        "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
        "一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["requests_new"] == 6
    assert (
        got["outcome_granted"],
        got["outcome_partial"],
        got["unable_not_held"],
        got["outcome_unable"],
    ) == (
        2,
        1,
        3,
        3,
    )


def test_overview_counts_of_tables_the_file_lacks_stand_in_for_them(tmp_path):
    # The tables printed as images: the overview's words are all the text holds.
    got = _overview_only(
        tmp_path,
        "2022年,本机关制发规范性文件3件,现行有效规范性文件12件,办理行政许可640件,行政处罚25件。"
        "全年新收政府信息公开申请40件,接办上年4件,结转下年度继续办理2件。",
        year=2022,
    )
    assert {k: got.get(k) for k in ("normative_issued", "normative_in_force", "licensing_decisions")} == {
        "normative_issued": 3,
        "normative_in_force": 12,
        "licensing_decisions": 640,
    }
    assert (got["penalty_decisions"], got["requests_new"]) == (25, 40)
    assert (got["requests_carried_over"], got["requests_carried_forward"]) == (4, 2)


def test_overview_counts_in_other_words_stand_in_too(tmp_path):
    got = _overview_only(
        tmp_path,
        "本年度收到政府信息公开申请信件30件,其中自然人申请25件,法人或其他组织申请5件;"
        "结转上年度政府信息公开申请3件。全年共印发规范性文件4份。",
        year=2022,
    )
    assert (got["requests_new"], got["requests_new_natural_person"], got["requests_new_legal_person"]) == (
        30,
        25,
        5,
    )
    assert (got["requests_carried_over"], got["normative_issued"]) == (3, 4)


@pytest.mark.parametrize(
    "sentence",
    [
        "全年新收到政府信息公开申请12件,接办上年2件,办结12件,结转下年办理2件。",
        "收到政府信息公开申请信件12件,其中本年度答复12件,结转下年度办理2件。",
        "共受理依申请公开12件,共办理完成12件。",
    ],
)
def test_the_requests_an_overview_says_were_answered_are_its_outcome_total(tmp_path, sentence):
    assert _overview_only(tmp_path, sentence, year=2022)["outcome_total"] == 12


@pytest.mark.parametrize(
    "sentence",
    [
        "收到政府信息公开申请12件,不予公开答复2件。",  # one outcome, not all
        "公开各类建议提案答复30件,依申请公开受理12件。",  # replies to deputies' proposals
        "全年办结12345热线工单30件,收到政府信息公开申请12件。",
    ],
)
def test_answers_that_are_one_outcome_or_other_business_are_no_outcome_total(tmp_path, sentence):
    assert "outcome_total" not in _overview_only(tmp_path, sentence, year=2022)


def test_overview_counts_of_another_year_or_stated_twice_differently_are_left_out(tmp_path):
    got = _overview_only(
        tmp_path,
        "较上年制发规范性文件减少2件。2019年制发规范性文件5件。本年度办理行政许可30件。全年办理行政许可31件。",
    )
    assert "normative_issued" not in got and "licensing_decisions" not in got
    # 现行有效 is a column of the 2021 table only; the 2019 table's cell counts what was published.
    assert "normative_in_force" not in _overview_only(tmp_path, "现行有效规范性文件12件。", year=2020)


def test_a_table_printing_zeros_blank_reads_the_same_with_one_cell_per_line(tmp_path):
    lines: list[str] = []
    for line in _sparse_section3(_SPARSE_HEADER, "20 2 1"):
        label = line.rstrip(" 0123456789")
        lines += [label, ""] + [n for number in line[len(label) :].split() for n in (number, "")]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert got["outcome_granted"] == 23 and got["requests_new"] == 48 and got["denied_state_secret"] == 0


# Section 二 one cell a line, each closed by ' |'; a blank cell is a lone border after the row's values.
_CELLS_2019 = [
    "二、主动公开政府信息情况",
    "第二十条第(一)项 |",
    "信息内容 |",
    "本年新制作数量 |",
    "本年新公开数量 |",
]
_CELLS_2019 += ["对外公开总数量 |", "规章 |", "0 |", "1 |", "|", "规范性文件 |", "3 |", "2 |", "|"]


def test_a_lone_border_after_a_rows_values_is_its_blank_cell_where_borders_open_no_rows(tmp_path):
    rows = tables_in_text("\n".join(_CELLS_2019))[0].rows
    assert rows[2:4] == [["规章", "0", "1", ""], ["规范性文件", "3", "2", ""]]
    got = extract_file(_doc(tmp_path, ["示例县民政局2020年政府信息公开工作年度报告", *_CELLS_2019])).totals()
    assert (
        got["rules_issued"],
        got["rules_published"],
        got["normative_issued"],
        got["normative_published"],
    ) == (
        0,
        1,
        3,
        2,
    )
    assert "rules_in_force" not in got and "normative_in_force" not in got


def test_a_row_the_text_ends_within_gives_its_cells_before_the_end_and_a_short_row_elsewhere_none(tmp_path):
    title = "示例县民政局2021年政府信息公开工作年度报告"
    header = ["第二十条第(一)项 |", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |"]
    rows = ["规章 |", "0 |", "0 |", "0 |", "行政规范性文件 |", "4 |", "1 |"]
    got = extract_file(_doc(tmp_path, [title, *header, *rows])).totals()
    assert (got["normative_issued"], got["normative_abolished"]) == (4, 1)
    assert "normative_in_force" not in got
    # The same short row with the report going on after the table: which cell it lost is unknown.
    later = extract_file(
        _doc(tmp_path, [title, *header, *rows, "", "三、收到和处理政府信息公开申请情况"])
    ).totals()
    assert "normative_issued" not in later and "normative_abolished" not in later


# pandoc's grid table (markdown and plain output): ASCII borders, a cell's wrapped lines, and `\`
# where the cell's text broke.
ASCII_GRID = """\
+-------------+-------------+-------------+-------------+
| 第二十条    |             |             |             |
| 第（一）项  |             |             |             |
+=============+=============+=============+=============+
| 信息内容    | 本年新\\     | 本年新\\     | 对外        |
|             | 制作数量    | 公开数量    | 公开总数量  |
+-------------+-------------+-------------+-------------+
| 规范性文件  | 6           | 5           | -           |
+-------------+-------------+-------------+-------------+
"""


def test_an_ascii_grid_table_joins_each_cells_wrapped_lines_into_one_row():
    rows = drawn_tables(ASCII_GRID)[0].rows
    assert rows[0][0] == "第二十条第（一）项"
    assert rows[1] == ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
    # a dash inside a cell is the cell's text, not a border
    assert rows[2] == ["规范性文件", "6", "5", "-"]


# pandoc's simple table without a header (a rule of dashes above and below): columns are where the
# rule's runs start, counted in display columns, and a blank cell is blank space.
DASH_RULED = """\
四、政府信息公开行政复议、行政诉讼情况

  ---------- ---------- ---------- ---------- ------ ------------------ ---------- ---------- ---------- ------ ------------ ---------- ---------- ---------- ------
  行政复议                                           行政诉讼
  结果维持   结果纠正   其他结果   尚未审结   总计   未经复议直接起诉                                           复议后起诉
                                                     结果维持           结果纠正   其他结果   尚未审结   总计   结果维持     结果纠正   其他结果   尚未审结   总计
  5                                2          7      8                                        1          9
  ---------- ---------- ---------- ---------- ------ ------------------ ---------- ---------- ---------- ------ ------------ ---------- ---------- ---------- ------
"""


def test_a_table_ruled_by_dashes_keeps_its_blank_cells_in_their_columns(tmp_path):
    rows = drawn_tables(DASH_RULED)[0].rows
    assert rows[-1] == ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
    lines = ["示例县审计局2021年政府信息公开工作年度报告", *DASH_RULED.splitlines()]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["review_upheld"], got["review_corrected"], got["review_pending"]) == (5, 0, 2)
    assert (got["lit_direct_upheld"], got["lit_direct_pending"], got["lit_direct_total"]) == (8, 1, 9)
    assert got["lit_after_review_total"] == 0


# pandoc's multiline table: blank lines part the rows, and a row's cells wrap over its lines.
MULTILINE = """\
  ------------------ -------- --------
  信息内容           上一年项 本年增/
                     目数量   减

  行政许可           12       -2

  其他对外管理服务   3        0
  事项
  ------------------ -------- --------
"""


def test_a_multiline_table_ruled_by_dashes_joins_the_lines_of_each_row():
    rows = drawn_tables(MULTILINE)[0].rows
    assert rows == [
        ["信息内容", "上一年项目数量", "本年增/减"],
        ["行政许可", "12", "-2"],
        ["其他对外管理服务事项", "3", "0"],
    ]


def test_a_label_under_a_blank_cell_is_a_row_of_its_own_not_the_tail_of_the_blank_row_above():
    # (五)'s last sub-row printed blank, then (六) in the parent column: two rows, not one.
    table = Table(
        rows=[
            ["", "", "5.要求行政机关确认或重新出具已获取信息", "", ""],
            ["", "（六）其他处理", "", "", ""],
        ],
        where="t",
    )
    assert join_continued_rows(table).rows == table.rows


def test_a_markdown_tables_header_separator_is_not_read_as_a_grid_border():
    markdown = "| 信息内容 | 本年新制作数量 |\n|---|---|\n| 规章 | 1 |\n| 规范性文件 | 5 |\n"
    assert drawn_tables(markdown) == []


def test_numbers_beside_the_middle_piece_of_a_label_wrapped_over_three_lines_go_below_the_whole_label():
    # PDF text of a narrow label cell centred on its row: `3.危及"三` / `安全一稳 0 0 …` / `定"`.
    text = "\n".join(["3.危及“三", "安全一稳 1 0 0 0 0 0 1", "定”", "4.保护第三方合法权益 | 0 | 0"])
    lines = rejoin_wrapped_labels(text).split("\n")
    assert compact("".join(lines[:3])) == compact("3.危及“三安全一稳定”")
    assert lines[3] == "1 0 0 0 0 0 1"


def test_a_label_piece_beside_numbers_with_no_label_around_it_stays_as_printed():
    text = "\n".join(["五、存在的主要问题", "办件 12 3", "下一步"])
    assert rejoin_wrapped_labels(text) == text


def test_an_overview_breakdown_with_shares_and_the_granted_counted_together_gives_the_other_rows(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,全区共收到政府信息公开申请50件,同比增长20%。为提升答复质量,办复率100%,"
        "其中予以公开或部分公开20件、占40%;不予公开10件、占20%;无法提供15件、占30%;"
        "不予处理2件、占4.0%;其他处理3件、占6%。",
        year=2022,
    )
    assert {k: got.get(k) for k in ("outcome_denied", "outcome_unable", "outcome_not_processed")} == {
        "outcome_denied": 10,
        "outcome_unable": 15,
        "outcome_not_processed": 2,
    }
    assert (got["outcome_other"], got["outcome_total"]) == (3, 50)
    # 20 is the two rows together, and 其他处理 names no sub-row of its own.
    assert not {"outcome_granted", "outcome_partial", "other_misc"} & set(got)


@pytest.mark.parametrize(
    "issued, abolished", [("本年(2022)制发件数", "本年(2022)废止件数"), ("2022年制发件数", "2022年废止件数")]
)
def test_a_section2_header_printing_the_year_names_the_same_columns(tmp_path, issued, abolished):
    lines = [
        "示例县林业局2022年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        f"信息内容 | {issued} | {abolished} | 现行有效件数 |",
        "规章 | 0 | 0 | 0 |",
        "规范性文件 | 3 | 1 | 12 |",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert {k: got.get(k) for k in ("normative_issued", "normative_abolished", "normative_in_force")} == {
        "normative_issued": 3,
        "normative_abolished": 1,
        "normative_in_force": 12,
    }


def test_carried_requests_named_by_their_years_stand_in_only_for_the_years_next_to_the_reports(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,共收到政府信息公开申请10件,办理2021年结转件2件,共办结9件,结转2023年度继续办理3件。",
        year=2022,
    )
    assert (got["requests_carried_over"], got["requests_carried_forward"]) == (2, 3)
    other_years = _overview_only(
        tmp_path,
        "2022年,共收到政府信息公开申请10件,办理2020年结转件2件,共办结9件,结转至2025年办理3件。",
        year=2022,
    )
    assert not {"requests_carried_over", "requests_carried_forward"} & set(other_years)


def test_last_years_requests_counted_as_handled_stand_in_for_the_carried_over(tmp_path):
    got = _overview_only(
        tmp_path, "2023年,共受理政府信息公开申请16件,上年结转政府信息公开办理数量1件,共办结16件。", year=2023
    )
    assert got["requests_carried_over"] == 1


def test_an_overview_listing_requests_by_kind_of_requester_gives_natural_persons_and_organisations(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,全县共收到政府信息公开申请40件,其中自然人申请25件,商业企业申请8件,"
        "法律服务机构申请5件,其他申请2件,均在法定时限内答复。",
        year=2022,
    )
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (25, 15)


def test_an_overview_listing_requesters_by_kind_without_the_word_for_request_gives_both_columns(tmp_path):
    got = _overview_only(
        tmp_path, "2022年,共收到依申请件35件,其中自然人34件,企业1件,办结32件,结转下年办理3件。", year=2022
    )
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (34, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度共收到政府信息公开申请3件,申请人均为自然人,均已按时答复。",
        "2022年共收到政府信息公开申请3件,申请人类别为自然人,均已按时答复。",
        "2022年,县政府办公室共收到政府信息公开申请3件(自然人申请),均已按时答复。",
    ],
)
def test_an_overview_saying_every_requester_was_a_natural_person_gives_no_organisations(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (3, 0)


def test_one_requester_said_to_be_a_natural_person_says_nothing_of_the_others(tmp_path):
    got = _overview_only(
        tmp_path, "2022年共收到政府信息公开申请3件,其中1件申请人为自然人,均已按时答复。", year=2022
    )
    assert "requests_new_natural_person" not in got and "requests_new_legal_person" not in got


def test_a_requester_list_that_does_not_add_up_to_the_requests_gives_no_organisations(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,全县共收到政府信息公开申请40件,其中自然人申请25件,商业企业申请8件。",
        year=2022,
    )
    assert "requests_new_legal_person" not in got


def test_an_overview_may_write_carried_forward_as_zhuanjie(tmp_path):
    got = _overview_only(tmp_path, "2022年共收到政府信息公开申请10件,转结下年度办理1件。", year=2022)
    assert got["requests_carried_forward"] == 1


def test_section2_written_as_prose_under_its_heading_stands_in_for_its_table(tmp_path):
    lines = [
        "示例县林业局2022年政府信息公开工作年度报告",
        "一、总体情况",
        "本局坚持依法公开。",
        "二、主动公开政府信息情况",
        "2022年,示例县林业局制发行政规范性文件3件,废止行政规范性文件1件,废止县政府规章2件。",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert {k: got.get(k) for k in ("normative_issued", "normative_abolished", "rules_abolished")} == {
        "normative_issued": 3,
        "normative_abolished": 1,
        "rules_abolished": 2,
    }


def test_requests_of_citizens_alone_are_natural_persons_but_the_regulations_list_of_requesters_is_not(
    tmp_path,
):
    got = _overview_only(tmp_path, "2022年,本局收到公民提出的政府信息公开申请2份,均已答复。", year=2022)
    assert got["requests_new_natural_person"] == 2
    everyone = _overview_only(tmp_path, "2022年,本局收到公民、法人或者其他组织提出的申请5件。", year=2022)
    assert "requests_new_natural_person" not in everyone


def test_reviews_by_result_in_an_overview_stand_in_but_not_where_lawsuits_share_the_sentence(tmp_path):
    got = _overview_only(tmp_path, "2022年,因不服答复引起行政复议3件,1件结果维持,2件结果纠正。", year=2022)
    assert (got["review_total"], got["review_upheld"], got["review_corrected"]) == (3, 1, 2)
    both = _overview_only(
        tmp_path, "2022年,发生行政复议2件、行政诉讼1件,1件结果维持,2件结果纠正。", year=2022
    )
    assert not {"review_upheld", "review_corrected"} & set(both)


def test_answers_completed_and_requests_passed_to_next_year_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年累计受理政府信息公开申请57件,同比增长71.9%;完成答复54件,转下一年度继续办理3件。",
        year=2022,
    )
    assert (got["outcome_total"], got["requests_carried_forward"]) == (54, 3)


def test_section2_stated_by_its_column_names_stands_in_for_its_table(tmp_path):
    got = _overview_only(
        tmp_path, "本年出台行政规范性文件:制发件数2件,废止件数1件,现行有效件数22件。", year=2022
    )
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (2, 1, 22)
    both = _overview_only(tmp_path, "规章和规范性文件:制发件数2件,废止件数1件。", year=2022)
    assert not {"normative_issued", "rules_issued", "normative_abolished"} & set(both)


@pytest.mark.parametrize(
    ("sentence", "fees"),
    [
        ("2022年,行政事业性收费金额0万元。", 0),
        ("全年行政许可决定278件,无行政事业性收费。", 0),
        ("2022年共收取行政事业性收费12500元。", 1.25),
        ("2022年行政事业性收费3.5万元。", 3.5),
    ],
)
def test_fees_an_overview_states_stand_in_in_ten_thousand_yuan(tmp_path, sentence, fees):
    assert _overview_only(tmp_path, sentence, year=2022)["fees_collected_10k_yuan"] == fees


def test_fees_of_another_year_about_a_fee_item_or_waived_are_left_out(tmp_path):
    assert "fees_collected_10k_yuan" not in _overview_only(
        tmp_path,
        "较上年减少行政事业性收费12500元。行政事业性收费项目3项。为企业减免行政事业性收费1200万元。",
        year=2022,
    )


def test_documents_issued_after_the_rules_that_share_their_verb_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,主动公开本年度制发的市政府规章6件、市政府及市政府办公厅行政规范性文件8件,其他文件113件。",
        year=2022,
    )
    assert (got["rules_issued"], got["normative_issued"]) == (6, 8)


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年发生行政复议4件,其中3件维持,1件尚未审结;发生行政诉讼2件。",
        "2022年信息公开行政复议案件4件,维持3件,尚未审结1件。",
    ],
)
def test_reviews_by_result_in_a_part_of_a_sentence_about_reviews_alone_stand_in(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["review_total"], got["review_upheld"], got["review_pending"]) == (4, 3, 1)


def test_reviews_a_government_heard_of_others_give_no_results_of_its_own(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,审理政府信息公开行政复议案件7起,其中:结果维持3起,结果纠正3起,其他结果1起。",
        year=2022,
    )
    assert not {"review_total", "review_upheld", "review_corrected", "review_other"} & set(got)


def test_a_requester_list_opening_the_sentence_after_the_count_gives_natural_persons_and_organisations(
    tmp_path,
):
    got = _overview_only(
        tmp_path,
        "2022年,全市共收到政府信息公开申请40件。其中,自然人申请25件,商业企业申请8件,其他申请7件,均按时答复。",
        year=2022,
    )
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (25, 15)


def test_an_outcome_whose_note_names_what_the_agency_does_not_hold_gives_that_sub_row(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年收到政府信息公开申请22件,其中本年度答复21件。在已答复的信件中,予以公开7件,部分公开6件,"
        "无法提供8件(均属于本机关不掌握的信息)。",
        year=2022,
    )
    assert (got["outcome_unable"], got["unable_not_held"], got["outcome_total"]) == (8, 8, 21)


def test_section2_rows_with_no_borders_read_apart_from_a_section3_that_opens_its_rows_with_borders():
    # One crawler's page: section 二's rows carry no lone borders, section 三's do. Read as one block,
    # section 二's cells ran into one row.
    section2 = [
        "第二十条第(一)项 |",
        "|||",
        "信息内容 |",
        "本年制发件数 |",
        "本年废止件数 |",
        "现行有效件数 |",
        "规章 |",
        "0 |",
        "1 |",
        "2 |",
        "行政规范性文件 |",
        "3 |",
        "4 |",
        "5 |",
    ]
    section3 = ["三、收到和处理政府信息公开申请情况 |", "|", "申请人情况 |", "|", "自然人 |", "总计 |"]
    section3 += [
        "|",
        "一、本年新收政府信息公开申请数量 |",
        "6 |",
        "6 |",
        "|",
        "二、上年结转政府信息公开申请数量 |",
    ]
    section3 += ["0 |", "0 |", "|", "三、本年度办理结果 |", "|", "(一)予以公开 |", "6 |", "6 |"]
    rows = tables_in_text("\n".join(section2 + section3))[0].rows
    assert ["规章", "0", "1", "2"] in rows and ["行政规范性文件", "3", "4", "5"] in rows
    assert any(row[:3] == ["一、本年新收政府信息公开申请数量", "6", "6"] for row in rows)


def test_a_word_for_the_change_in_the_2019_tables_middle_cell_is_a_cell_not_the_rows_end(tmp_path):
    lines = [
        "示例县林业局2019年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(五)项",
        "信息内容",
        "上一年项目数量",
        "本年增/减",
        "处理决定数量",
        "行政许可",
        " 990",
        " 减",
        " 711",
        "其他对外管理服务事项",
        " 0",
        " 0",
        " 0",
        "三、收到和处理政府信息公开申请情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["licensing_items_last_year"], got["licensing_decisions"]) == (990, 711)
    assert "licensing_items_change" not in got  # a word, no number


def test_an_overview_saying_no_rules_or_documents_were_issued_gives_zero_issued(tmp_path):
    got = _overview_only(tmp_path, "本年度未制发规章、行政规范性文件。", year=2022)
    assert (got["rules_issued"], got["normative_issued"]) == (0, 0)
    only = _overview_only(tmp_path, "2022年,未制定印发新的行政规范性文件。", year=2022)
    assert only["normative_issued"] == 0 and "rules_issued" not in only


def test_requests_an_overview_says_are_already_handled_are_its_outcome_total(tmp_path):
    got = _overview_only(
        tmp_path, "全年共受理政府信息公开申请212件;已办理206件,结转下年度继续办理6件。", year=2022
    )
    assert (got["outcome_total"], got["requests_carried_forward"]) == (206, 6)
    assert "outcome_total" not in _overview_only(tmp_path, "已办理行政审批事项30件。", year=2022)


def test_more_wordings_of_an_overviews_counts_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年收到政府信息公开申请5件(含上年结转件1件),均为自然人网上申请。"
        "主动公开行政许可处理事项746件、行政处罚处理事项887件。",
        year=2022,
    )
    # The 5 hold last year's 1: the year's new requests, all of natural persons, are 4.
    assert (got["requests_new"], got["requests_carried_over"], got["requests_new_natural_person"]) == (
        4,
        1,
        4,
    )
    assert (got["requests_new_legal_person"], got["licensing_decisions"], got["penalty_decisions"]) == (
        0,
        746,
        887,
    )


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        ("收到政府信息公开申请3件,上年结转0件,当年办结3件,结转下年度0件。", 3),
        ("全年共收到依申请公开件1件,已按期答复1件。", 1),
        ("全年收到政府信息公开申请31件,依法依规办结政府信息公开申请29件,结转2023年度2件。", 29),
        ("全年共收到和办理依申请公开68件,均在法定期限内办结。", 68),
        ("全年共收到、办理依申请公开 0件。", 0),
        ("本镇未收到和处理政府信息公开申请,零报告。", 0),
        ("长兴岛街道收到和处理政府信息公开申请办理事项为0件。", 0),
    ],
)
def test_more_wordings_of_the_requests_answered_stand_in(tmp_path, sentence, answered):
    assert _overview_only(tmp_path, sentence, year=2022)["outcome_total"] == answered


def test_none_carried_forward_a_sole_natural_person_and_a_pending_review_counted_first_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年共受理依申请公开申请1件,申请主体为自然人,无转结下年度继续办理件。"
        "发生政府信息公开行政复议4起,其中1起尚未审结。",
        year=2022,
    )
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (1, 0)
    assert (got["requests_carried_forward"], got["review_total"], got["review_pending"]) == (0, 4, 1)


def test_a_2019_section2_header_saying_published_without_total_names_the_same_column(tmp_path):
    cells = ["第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开数量"]
    cells += ["规章", "0", "0", "3", "规范性文件", "2", "2", "9", "第二十条第(五)项"]
    lines = ["示例县林业局2019年政府信息公开工作年度报告", "二、主动公开政府信息情况"]
    lines += [f"{cell} |" for cell in cells]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["rules_in_force"], got["normative_in_force"]) == (3, 9)


def test_a_breakdown_after_the_sentence_counting_the_requests_answered_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,全区共收到政府信息公开申请59件。各单位均按时办理。"
        "全区答复政府信息公开申请59件。其中,予以公开的16件,不予公开的22件,无法提供的21件。",
        year=2022,
    )
    assert (got["outcome_total"], got["outcome_granted"], got["outcome_denied"], got["outcome_unable"]) == (
        59,
        16,
        22,
        21,
    )


def test_words_after_an_overviews_breakdown_end_it_and_a_count_naming_no_row_still_voids_it(tmp_path):
    got = _overview_only(
        tmp_path, "2020年收到依申请信息公开6件,其中予以公开4件,部分公开1件,不予公开1件,均已按要求答复。"
    )
    assert (got["requests_new"], got["outcome_granted"], got["outcome_partial"], got["outcome_denied"]) == (
        6,
        4,
        1,
        1,
    )
    void = _overview_only(tmp_path, "2020年收到政府信息公开申请6件,其中予以公开4件,咨询件2件,均已答复。")
    assert "outcome_granted" not in void


def test_licensing_counted_bare_beside_the_other_two_decisions_stands_in_but_alone_does_not(tmp_path):
    got = _overview_only(
        tmp_path, "2021年办理政务服务事项154件,行政许可24件,行政处罚3件,行政强制0件。", year=2021
    )
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (24, 3, 0)
    assert "licensing_decisions" not in _overview_only(tmp_path, "2021年梳理行政许可24件。", year=2021)


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        ("2022年共收到政府信息公开申请30件,上年结转2件;全年办理29件,结转下年度3件。", 29),
        ("2022年共收到政府信息公开申请8件,均为自然人申请。已办结7件,结转下一年度1件。", 7),
        ("2022年,共收到政府信息公开申请5件,其中线下申请2件。规范办理答复完成5件。", 5),
    ],
)
def test_requests_handled_or_closed_in_a_paragraph_about_requests_are_the_answered(
    tmp_path, sentence, answered
):
    assert _overview_only(tmp_path, sentence, year=2022)["outcome_total"] == answered


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年,本局共新收到政府信息公开申请4件,均严格按照法定时限予以答复。",
        "2022年共受理依申请公开4件,所有申请均已依法按期办结。",
    ],
)
def test_requests_received_and_all_answered_are_the_answered(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["requests_new"], got["outcome_total"]) == (4, 4)


def test_all_answered_after_the_requests_channels_are_all_the_requests(tmp_path):
    """全部 after the channels' list says it of the requests the list breaks down, not of the last channel."""
    sentence = "2022年共受理政府信息公开申请9件,包括信函申请2件、网络申请7件,全部在规定时间内办结。"
    assert _overview_only(tmp_path, sentence, year=2022)["outcome_total"] == 9


def test_a_breakdown_right_after_the_count_with_requests_carried_forward_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共收到和处理政府信息公开申请13件,予以公开10件,无法提供2件,结转下年办理1件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["outcome_unable"], got["outcome_total"]) == (10, 2, 12)
    short = _overview_only(tmp_path, "2022年共收到政府信息公开申请13件,予以公开10件,无法提供2件。", year=2022)
    assert "outcome_granted" not in short


def test_a_breakdown_after_the_requesters_in_brackets_and_last_years_requests_adds_up_with_them(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),上年结转7件,"
        "予以公开3件、部分公开24件、无法提供12件、结转下年度办理4件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_unable"]) == (3, 24, 12)
    assert got["outcome_total"] == 39
    # Without last year's requests the list does not add up to the requests: no breakdown.
    short = _overview_only(
        tmp_path,
        "2022年共受理依申请公开事项36件(其中:自然人申请32件、企业申请2件、其他组织申请2件),"
        "予以公开3件、部分公开24件、无法提供12件、结转下年度办理4件。",
        year=2022,
    )
    assert "outcome_granted" not in short


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年共受理依申请公开9件,其中处理结果4件为不予公开,1件为不予处理,4件为无法提供。",
        "2022年共受理依申请公开9件。其中,4件不予公开,1件不予处理,4件无法提供。",
    ],
)
def test_a_breakdown_whose_items_count_first_gives_each_outcome(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["outcome_denied"], got["outcome_not_processed"], got["outcome_unable"]) == (4, 1, 4)
    assert got["outcome_total"] == 9


def test_a_count_first_item_naming_no_outcome_leaves_the_breakdown_out(tmp_path):
    got = _overview_only(tmp_path, "2022年共受理依申请公开9件,其中4件为不予公开,5件为咨询类事项。", year=2022)
    assert "outcome_denied" not in got


def test_a_breakdown_opening_the_sentence_after_the_answered_count_with_shares_gives_each_outcome(tmp_path):
    got = _overview_only(
        tmp_path,
        "今年,受理政府信息公开申请140件,在法定期限内答复130件(结转到2023年10件)。予以公开40件,占28%;"
        "部分公开20件,占14 %;不予公开10宗,占7%;无法提供60件,占43%。",
        year=2022,
    )
    assert got["outcome_total"] == 130
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_denied"]) == (40, 20, 10)
    assert got["outcome_unable"] == 60


def test_a_list_of_outcomes_that_adds_up_to_no_count_is_no_breakdown(tmp_path):
    got = _overview_only(
        tmp_path, "今年,受理政府信息公开申请140件,均已答复。予以公开40件,部分公开20件。", year=2022
    )
    assert "outcome_granted" not in got


def test_an_outcome_granted_in_other_words_counts_and_one_refused_in_them_is_no_grant(tmp_path):
    got = _overview_only(tmp_path, "2022年我局收到政府信息公开申请0件,准予公开0件。", year=2022)
    assert (got["outcome_granted"], got["outcome_total"]) == (0, 0)
    refused = _overview_only(
        tmp_path, "2022年收到政府信息公开申请3件,其中同意公开1件,不同意公开2件。", year=2022
    )
    assert (refused["outcome_granted"], refused["outcome_denied"]) == (1, 2)


def test_other_words_that_only_hold_the_word_for_other_name_no_other_sub_row(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年受理政府信息公开申请5件,其中,同意公开2件,非本机关公开范围并告知通过其他途径办理3件。",
        year=2022,
    )
    assert "outcome_other" not in got and "outcome_granted" not in got
    zero = _overview_only(
        tmp_path, "本年度共受理政府信息公开申请0件,本机关不掌握相关政府信息0件,其他情况0件。", year=2022
    )
    assert (zero["unable_not_held"], zero["other_misc"]) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        ("2022年度新收政府信息公开申请52件、上年度结转1件;年度办结49件、结转下一年度4件。", 49),
        ("2022年受理政府信息公开申请53件,在规定时限内答复49件。", 49),
    ],
)
def test_requests_answered_in_the_year_or_within_the_time_limit_are_the_answered(
    tmp_path, sentence, answered
):
    assert _overview_only(tmp_path, sentence, year=2022)["outcome_total"] == answered


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度制发行政规范性文件6件、废止1件、现行有效114件。",
        "全年制发规范性文件 6件,废止文件1件,截至目前,现行有效114件。",
    ],
)
def test_normative_documents_issued_then_abolished_and_in_force_named_by_the_column_alone(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (6, 1, 114)


@pytest.mark.parametrize(
    ("sentence", "issued"),
    [
        ("2022年,市政府办公室共发布规范性文件5份,清理废止规范性文件3份。", 5),
        ("刊印公报3期,新增行政规范性文件18件,废止24件。", 18),
        ("本年度行政规范性文件发布0条,废止数量0条,现行有效数量0条。", 0),
    ],
)
def test_documents_published_or_added_are_those_issued_where_the_sentence_goes_on_to_those_abolished(
    tmp_path, sentence, issued
):
    assert _overview_only(tmp_path, sentence, year=2022)["normative_issued"] == issued


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年,通过政府网站公开政府信息500余条;发布行政规范性文件3件,并运用图文解读。",
        "本年度累计发布规范性文件12件,废止规范性文件2件。",
    ],
)
def test_documents_published_alone_or_all_so_far_are_no_count_of_those_issued(tmp_path, sentence):
    assert "normative_issued" not in _overview_only(tmp_path, sentence, year=2022)


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("2022年,公民、法人提交的政府信息公开申请17件,申请内容主要涉及建设规划。", 17),
        ("我街道2022年共收到并办理1件依申请公开信息,在收到后及时联系申请人。", 1),
        ("2022年度收到和处理政府信息公开申请数量为0。", 0),
    ],
)
def test_requests_submitted_by_their_requesters_received_and_handled_or_none_without_a_unit(
    tmp_path, sentence, requests
):
    assert _overview_only(tmp_path, sentence, year=2022)["requests_new"] == requests


def test_a_count_of_requests_without_its_unit_is_read_only_as_a_zero_ending_its_sentence(tmp_path):
    got = _overview_only(tmp_path, "2022年度收到政府信息公开申请数量为3,均已答复。", year=2022)
    assert "requests_new" not in got


def test_no_documents_issued_named_before_the_verb_and_none_abolished(tmp_path):
    got = _overview_only(tmp_path, "本年度我局无行政规范性文件发布,无废止行政规范性文件。", year=2022)
    assert (got["normative_issued"], got["normative_abolished"]) == (0, 0)


def test_requests_carried_forward_counted_before_the_year_they_go_into(tmp_path):
    got = _overview_only(
        tmp_path, "2022年共受理依申请公开政府信息14件,已办结11件,余下3件转至2023年办理。", year=2022
    )
    assert (got["requests_new"], got["outcome_total"], got["requests_carried_forward"]) == (14, 11, 3)
    other_year = _overview_only(tmp_path, "2022年共受理申请14件,已办结11件,3件转至2024年办理。", year=2022)
    assert "requests_carried_forward" not in other_year


def test_a_breakdown_item_listing_its_reasons_with_commas_still_names_its_row(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共收到政府信息公开申请20件。其中,予以公开10件,不予公开2件,"
        "属于信访投诉举报、重复申请等情形不予处理3件,无法提供5件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["outcome_not_processed"], got["outcome_unable"]) == (10, 3, 5)
    assert "np_duplicate" not in got  # 等: the reasons are examples


def test_a_breakdown_item_naming_two_rows_at_once_leaves_the_breakdown_out(tmp_path):
    got = _overview_only(
        tmp_path, "2022年共收到政府信息公开申请20件。其中,予以公开10件,不予公开、无法提供10件。", year=2022
    )
    assert "outcome_granted" not in got and "outcome_unable" not in got


def test_none_carried_over_said_with_last_year_first(tmp_path):
    got = _overview_only(
        tmp_path, "全年收到政府信息公开申请25件,上年无结转,办结24件,结转下年1件。", year=2022
    )
    assert (got["requests_new"], got["requests_carried_over"], got["requests_carried_forward"]) == (25, 0, 1)


def test_the_overview_citing_article_20_goes_on_past_the_citation(tmp_path):
    got = _overview_only(
        tmp_path,
        "根据《条例》第二十条第(二)款要求,主动公开机构职能。\n(四)行政复议和行政诉讼情况\n"
        "2022年我局无公开行政复议、行政诉讼的情况。",
        year=2022,
    )
    assert (got["review_total"], got["lit_direct_total"], got["lit_after_review_total"]) == (0, 0, 0)


def test_requests_counted_before_their_noun_and_natural_persons_who_submitted_them(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,街道接到7条提出公开政府信息的申请。当年新收申请中,自然人提交申请7件,均按期答复。",
        year=2022,
    )
    assert (got["requests_new"], got["requests_new_natural_person"]) == (7, 7)


def test_a_breakdown_of_the_answered_with_spaces_before_the_unit_gives_each_outcome(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年度我办受理政府信息公开申请96件。在已经答复的91件申请中:予以公开22 件;部分公开0 件;"
        "不予公开2件;无法提供63件;其他处理4件;结转下年度办理5件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_unable"]) == (22, 0, 63)
    assert got["outcome_total"] == 91


def test_requests_handled_beside_those_closed_are_not_the_answered(tmp_path):
    got = _overview_only(
        tmp_path,
        "二是规范依申请公开办理。全年共办理政府信息公开申请74件,办结71件,剩余3件结转下一年度处理,按期答复率100%。",
        year=2022,
    )
    assert got["outcome_total"] == 71


def test_requests_counted_up_to_a_years_end_that_names_no_year_are_the_years(tmp_path):
    got = _overview_only(
        tmp_path, "截至12月末,县政府办公室共受理政府信息公开申请16件,已全部办结。", year=2022
    )
    assert got["requests_new"] == 16
    running = _overview_only(tmp_path, "截至12月末,累计受理政府信息公开申请160件。", year=2022)
    assert "requests_new" not in running


def test_a_negation_of_what_requests_caused_is_no_statement_that_none_came(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,共受理政府信息公开申请15件,均已依法答复,未发生因政府信息公开申请引起的失泄密事件。",
        year=2022,
    )
    assert got["requests_new"] == 15


def test_prose_under_a_section3_heading_that_lost_its_last_word_stands_in_for_its_table(tmp_path):
    lines = [
        "示例县发展和改革局2020年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "2020年,我局公开政府信息新增信息14条。",
        "三、收到和处理政府信息公开申请情",
        "2020年,我单位收到政府信息公开申请3件,已全部按时回复办结。",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    ]
    assert extract_file(_doc(tmp_path, lines)).totals()["requests_new"] == 3


def test_requests_counted_as_the_requests_situation_are_the_requests(tmp_path):
    got = _overview_only(
        tmp_path, "截至2022年12月31日,我局共收到政府信息公开申请情况2件(1件属自然人申请)。", year=2022
    )
    assert got["requests_new"] == 2


@pytest.mark.parametrize(
    ("sentence", "over", "forward"),
    [
        (
            "2024年,我局收到政府信息公开申请84条。上年结转政府信息公开申请5条,本年结转2025年政府信息公开申请17条。",
            5,
            17,
        ),
        ("2024年,我局受理自然人政府信息公开申请1件,上一年度结转受理0件,2025年结转依申请公开事项1件。", 0, 1),
    ],
)
def test_requests_carried_in_either_direction_in_other_words_and_units(tmp_path, sentence, over, forward):
    got = _overview_only(tmp_path, sentence, year=2024)
    assert (got["requests_carried_over"], got["requests_carried_forward"]) == (over, forward)


def test_a_year_before_its_carried_requests_that_is_the_year_before_carries_them_over_not_forward(tmp_path):
    got = _overview_only(tmp_path, "2024年共收到政府信息公开申请8件,办理2023年结转件2件。", year=2024)
    assert got["requests_carried_over"] == 2 and "requests_carried_forward" not in got


def test_normative_documents_counted_after_the_verbs_particle_are_those_issued(tmp_path):
    got = _overview_only(tmp_path, "对本年度制发的48件行政规范性文件在公开的同时进行解读。", year=2022)
    assert got["normative_issued"] == 48


def test_requests_received_that_hold_last_years_are_not_the_years_where_the_new_ones_are_counted(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,指导全市规范受理依申请公开301件,上年度结转申请3件,新增298件,结转下年度继续办理45件。",
        year=2022,
    )
    assert (got["requests_new"], got["requests_carried_over"]) == (298, 3)


def test_a_breakdown_adds_up_to_the_new_and_carried_over_less_those_carried_forward(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,受理依申请公开301件,上年度结转申请3件,新增298件,结转下年度继续办理45件,均在法定期限内答复。"
        "其中,予以公开及部分公开149件,占49.5%;不予公开13件,占4.32%;因行政机关不掌握等原因无法提供68件,"
        "占22.59%;不予处理14件,占4.65%;其他处理12件,占3.99%。",
        year=2022,
    )
    assert (got["outcome_denied"], got["outcome_unable"], got["outcome_other"]) == (13, 68, 12)
    assert got["outcome_total"] == 256


@pytest.mark.parametrize(
    ("sentence", "metric", "value"),
    [
        ("2021年,某厅共收到依申请公开16项,办理15项,结转下年度继续办理1项。", "outcome_total", 15),
        ("2021年,某厅共收到依申请公开16项,办理15项,结转下年度继续办理1项。", "requests_carried_forward", 1),
        (
            "2021年收到依申请公开19件,其中17件在法定期限内完成答复,2件转至下年继续办理。",
            "requests_carried_forward",
            2,
        ),
        ("2021年,收到自然人提交的公开申请10件,其中信函申请9件。", "requests_new_natural_person", 10),
        ("2021年共收到政府信息公开申请5宗(均通过网上申请),申请人均为企业。", "requests_new_legal_person", 5),
        (
            "2021年共收到政府信息公开申请5宗(均通过网上申请),申请人均为企业。",
            "requests_new_natural_person",
            0,
        ),
        ("本单位2021年度共受理政府信息公开依申请公开函件4件,均已在规定回复时间内回复。", "requests_new", 4),
        ("全年新制作规章0个,制作规范性文件0件。", "rules_issued", 0),
        ("全年新制作规章0个,制作规范性文件0件。", "normative_issued", 0),
        ("2021年我委受理1项依申请公开事项,按时答复。", "requests_new", 1),
        ("我局2021年度依申请公开申请数为21件,截至12月31日已全部办结。", "requests_new", 21),
        (
            "全年共办理政府信息公开申请80件,已答复69件,其中11件顺延至下一年度办理。",
            "requests_carried_forward",
            11,
        ),
        ("当年清理废止往年规范性文件61件,目前现行有效115件。", "normative_abolished", 61),
        ("当年清理废止往年规范性文件61件,目前现行有效115件。", "normative_in_force", 115),
        (
            "全县共收到政府信息公开申请11件,全部属自然人申请件,按时办结11件。",
            "requests_new_natural_person",
            11,
        ),
        (
            "对行政规范性文件进行了清理,现行有效行政规范性文件19件,本年度废止1件,本年度制发1件。",
            "normative_abolished",
            1,
        ),
        ("常态化推进行政规范性文件动态清理,废止2件,现行有效32件。", "normative_in_force", 32),
        (
            "收到政府信息公开申请3件,2件为自然人申请,1件为商业机构申请,已全部办结。",
            "requests_new_natural_person",
            2,
        ),
        (
            "收到政府信息公开申请3件,2件为自然人申请,1件为商业机构申请,已全部办结。",
            "requests_new_legal_person",
            1,
        ),
    ],
)
def test_overview_counts_in_other_units_and_words(tmp_path, sentence, metric, value):
    assert _overview_only(tmp_path, sentence, year=2021)[metric] == value


def test_requests_said_to_hold_last_years_carried_ones_are_the_count_less_those(tmp_path):
    held = _overview_only(
        tmp_path, "2024年,共收到政府信息公开申请25件(含2023年结转1件),均已答复。", year=2024
    )
    assert held["requests_new"] == 24
    none = _overview_only(tmp_path, "2024年,收到政府信息公开申请6件(含上年结转件0件)。", year=2024)
    assert none["requests_new"] == 6


def test_an_outcome_named_information_that_does_not_exist_is_the_not_held_sub_row(tmp_path):
    got = _overview_only(
        tmp_path, "2022年共收到政府信息公开申请6件,其中予以公开2件,信息不存在的4件。", year=2022
    )
    assert (got["unable_not_held"], got["outcome_unable"], got["outcome_granted"]) == (4, 4, 2)


def test_a_traditional_pages_article_captions_are_rows_of_their_own_in_a_cell_per_line_table(tmp_path):
    cells = [
        "第二十條第(一)項 | |||",
        *("信息內容", "本年新制作數量", "本年新公開數量", "對外公開總數量"),
        *("規章", "0", "0", "0", "規範性文件", "3", "2", "7"),
        "第二十條第(五)項 | |||",
        *("信息內容", "上一年項目數量", "本年增/減", "處理決定數量"),
        *("行政許可", "3", "2", "5"),
    ]
    lines = ["示例縣文化局2019年政府信息公開年度報告", "二、主動公開政府信息情況"]
    lines += [c if "|" in c else f"{c} |" for c in cells]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (3, 2, 7)
    assert got["licensing_decisions"] == 5


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年未发生因政府信息公开引起的行政复议和行政诉讼。",
        "2022年收到政府信息公开申请0宗,无信息公开类行政复议及诉讼案件。",
        "全年无政府信息公开行政复议、诉讼和申诉情况。",
    ],
)
def test_no_lawsuit_stated_in_an_overview_is_none_of_either_kind(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert (got["litigation_total"], got["lit_direct_total"], got["lit_after_review_total"]) == (0, 0, 0)
    assert got["review_total"] == 0


def test_a_lawsuit_brought_without_review_first_is_no_statement_that_none_occurred(tmp_path):
    got = _overview_only(tmp_path, "2022年发生行政诉讼1件,未经行政复议直接提起行政诉讼。", year=2022)
    assert "review_total" not in got and got.get("litigation_total") != 0


def test_requests_carried_into_the_next_year_named_by_its_year_stand_in(tmp_path):
    got = _overview_only(tmp_path, "2019年我局收到政府信息公开申请2件,办结1件,转入2020年办理1件。", year=2019)
    assert got["requests_carried_forward"] == 1


def test_an_outcome_named_by_a_long_sub_row_label_still_completes_the_breakdown(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共收到政府信息公开申请4件,其中予以公开2件,申请人逾期未按收费通知要求缴纳费用2件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["other_unpaid_fee"], got["outcome_other"]) == (2, 2, 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年,全年共制定3条行政规范性文件,办理政务服务事项154件。",
        "2022年,共制发3份局本级规范性文件,全部落实合法性审查。",
        "2022年,清理区本级规范性文件0件,保留4件,新制发3件。",
    ],
)
def test_documents_issued_counted_before_their_noun_or_in_a_sentence_about_them_stand_in(tmp_path, sentence):
    assert _overview_only(tmp_path, sentence, year=2022)["normative_issued"] == 3


def test_issued_alone_in_a_sentence_about_rules_too_is_no_count_of_documents(tmp_path):
    got = _overview_only(tmp_path, "2022年,规章和规范性文件清理0件,新制发3件。", year=2022)
    assert "normative_issued" not in got


def test_section2_counted_between_verb_and_noun_for_rules_and_documents_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年,全年共制发(修改)政府规章1份,废止政府规章2份,现行有效政府规章8份;制发3份规范性文件,"
        "废止18份规范性文件,现行有效规范性文件81份。",
        year=2022,
    )
    assert (got["rules_issued"], got["rules_abolished"], got["rules_in_force"]) == (1, 2, 8)
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (3, 18, 81)


def test_requests_replied_to_are_answered_but_other_business_replied_to_is_not(tmp_path):
    got = _overview_only(tmp_path, "2022年政府信息依申请公开收到申请19条,及时回复19条。", year=2022)
    assert got["outcome_total"] == 19
    other = _overview_only(
        tmp_path,
        "2022年,本局未收到政府信息公开申请,受理公共咨询类问题1条,回复1条。通过门户网站收到信访信息116件,"
        "已办理114件。",
        year=2022,
    )
    assert "outcome_total" not in other


def test_a_breakdown_opened_by_from_the_results_adding_up_to_the_requests_closed_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2019年,全区共收到政府信息公开申请2,054件,办结2,019件,自上年度结转101件,结转下一年度办理136件。"
        "从办理结果看:予以公开589件;部分公开135件;不予公开76件;无法提供843件;不予处理31件;其他处理345件。",
        year=2019,
    )
    assert (got["requests_new"], got["outcome_total"], got["outcome_granted"]) == (2054, 2019, 589)
    assert (got["outcome_unable"], got["outcome_other"]) == (843, 345)


def test_a_breakdown_naming_outcomes_as_answers_given_and_opened_by_as_to_results_adds_up(tmp_path):
    got = _overview_only(
        tmp_path,
        "2020年度,本局共接到政府信息公开申请7件,在申请内容方面,主要涉及项目审批;在办理结果方面,"
        "同意公开答复4件(含1件已复议),申请信息经查询不存在3件。",
        year=2020,
    )
    assert (got["requests_new"], got["outcome_granted"], got["unable_not_held"]) == (7, 4, 3)
    answered = _overview_only(
        tmp_path,
        "2022年,全区共办结政府信息公开申请20件,其中,予以公开答复12件,部分公开3件,无法提供的5件。",
        year=2022,
    )
    assert (answered["outcome_granted"], answered["outcome_partial"], answered["outcome_unable"]) == (
        12,
        3,
        5,
    )


def test_a_breakdown_opened_by_the_answers_given_counts_those_carried_into_the_named_next_year(tmp_path):
    text = (
        "2025年,全年受理政府信息公开申请9件(含2024年结转1件)。所有申请均在规定时限内答复,答复类型为:"
        "予以公开3件,部分公开1件,本机关不掌握相关政府信息2件,其他1件,结转{into}年度继续办理2件。"
    )
    got = _overview_only(tmp_path, text.format(into=2026), year=2025)
    assert (got["requests_new"], got["requests_carried_over"]) == (8, 1)
    assert (got["outcome_granted"], got["outcome_partial"], got["unable_not_held"]) == (3, 1, 2)
    assert (got["outcome_other"], got["outcome_total"]) == (1, 7)
    # Carried into a year that is not the next one: no such row, so the list does not add up.
    wrong_year = _overview_only(tmp_path, text.format(into=2024), year=2025)
    assert "outcome_granted" not in wrong_year


def test_a_breakdown_naming_one_sub_row_twice_gives_the_other_rows_but_not_that_sub_row(tmp_path):
    got = _overview_only(
        tmp_path,
        "2022年共收到和办理依申请公开10件。处理结果中,予以公开3件,部分公开5件,"
        "因本机关不掌握相关政府信息无法提供1件,信息不存在的1件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_total"]) == (3, 5, 10)
    assert "unable_not_held" not in got


def test_information_not_held_without_naming_the_agency_is_the_not_held_sub_row(tmp_path):
    got = _overview_only(
        tmp_path, "2025年,我乡依申请公开政府信息共6件,其中,予以公开4件,不掌握信息2件。", year=2025
    )
    assert (got["outcome_granted"], got["outcome_unable"], got["unable_not_held"]) == (4, 2, 2)


def test_a_lawsuit_said_to_be_brought_without_review_does_not_end_the_overview_before_the_review(tmp_path):
    got = _overview_only(
        tmp_path,
        "2023年,共受理政府信息公开申请18件。涉及信息公开申请的行政诉讼案1件,未经复议直接起诉;"
        "涉及信息公开申请的行政复议1起,目前尚未审结。",
        year=2023,
    )
    assert (got["requests_new"], got["litigation_total"], got["review_total"]) == (18, 1, 1)


def test_requests_still_being_handled_at_the_years_end_are_carried_forward_but_other_business_is_not(
    tmp_path,
):
    got = _overview_only(
        tmp_path, "2024年共收到政府信息公开申请20件,上年结转3件,已回复16件,7件正在办理中。", year=2024
    )
    assert (got["requests_new"], got["requests_carried_forward"]) == (20, 7)
    other = _overview_only(
        tmp_path, "2024年共收到政府信息公开申请20件,均已答复;办理人大建议5件,2件正在办理中。", year=2024
    )
    assert "requests_carried_forward" not in other


def test_rules_and_documents_published_this_year_are_the_2019_layouts_new_published_counts(tmp_path):
    sentence = "{year}年,全市通过政府网站等平台主动公开规章4件、行政规范性文件107件。"
    got = _overview_only(tmp_path, sentence.format(year=2020), year=2020)
    assert (got["rules_published"], got["normative_published"]) == (4, 107)
    # The 2021 layout has no column of documents published.
    later = _overview_only(tmp_path, sentence.format(year=2022), year=2022)
    assert "normative_published" not in later and "rules_published" not in later


def test_documents_published_to_date_or_counted_with_the_rules_are_no_new_published_count(tmp_path):
    to_date = _overview_only(tmp_path, "截止到2020年12月31日,我区主动公开规范性文件15件,规章0件。", year=2020)
    assert "normative_published" not in to_date and "rules_published" not in to_date
    together = _overview_only(tmp_path, "2020年,主动公开信息中规章及规范性文件27件。", year=2020)
    assert "normative_published" not in together


def test_all_answered_after_the_requests_carried_over_counts_those_too(tmp_path):
    got = _overview_only(
        tmp_path, "2025年全年共新收到政府信息公开申请12件,上年结转2件,均已依法按期办结。", year=2025
    )
    assert (got["requests_new"], got["requests_carried_over"], got["outcome_total"]) == (12, 2, 14)
    within = _overview_only(
        tmp_path, "2024年全年共接收依申请公开信息18件(包含上年结转3件),均按要求答复。", year=2024
    )
    assert (within["requests_new"], within["outcome_total"]) == (15, 18)
    # All granted: the year's one request and the one carried over.
    granted = _overview_only(tmp_path, "2024年收到政府信息公开申请1件,上年结转1件,均予以公开。", year=2024)
    assert (granted["outcome_total"], granted["outcome_granted"]) == (2, 2)
    # Requests carried into the next year are not answered: no total.
    forward = _overview_only(
        tmp_path, "2025年共收到政府信息公开申请12件,上年结转2件,均已按期办理,结转下年度1件。", year=2025
    )
    assert "outcome_total" not in forward


def test_a_breakdown_in_brackets_after_the_requests_answered_adds_up(tmp_path):
    got = _overview_only(
        tmp_path,
        "2025年共收到政府信息公开申请5件。5件申请均在法定期限内办结,办结率100%(部分公开1件,无法提供4件)。",
        year=2025,
    )
    assert (got["outcome_partial"], got["outcome_unable"]) == (1, 4)
    requesters = _overview_only(
        tmp_path, "2025年共收到政府信息公开申请5件(自然人申请4件,企业申请1件),均已办结。", year=2025
    )
    assert "outcome_granted" not in requesters and "outcome_unable" not in requesters


def test_a_breakdown_cut_short_by_the_texts_end_gives_the_rows_it_names_outright_before_the_cut(tmp_path):
    # An excerpt: the text ends within the list.
    cut = (
        "2024年,全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件、因本机关不掌握相关政府信息"
    )
    cut += "无法提供9件、不予公开28"
    got = extract_file(
        _doc(tmp_path, ["示例县林业局2024年政府信息公开工作年度报告", "一、总体情况", cut])
    ).totals()
    assert (got["outcome_granted"], got["outcome_partial"], got["unable_not_held"]) == (71, 5, 9)
    # A row named with one sub-row's reason may have more items after the cut; the total is not known.
    assert "outcome_unable" not in got and "outcome_denied" not in got
    assert got.get("outcome_total") in (None, 255)
    # The same list closed by a full stop does not add up, and gives nothing.
    whole = _overview_only(
        tmp_path, "2024年,全区受理依申请公开件255件,办结255件,其中予以公开71件、部分公开5件。", year=2024
    )
    assert "outcome_granted" not in whole and "outcome_partial" not in whole


def test_a_breakdown_whose_items_do_not_add_up_to_the_requests_stands_not_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2020年度,本局共接到政府信息公开申请9件,在办理结果方面,同意公开答复4件,申请信息经查询不存在3件。",
        year=2020,
    )
    assert "outcome_granted" not in got and "unable_not_held" not in got


def test_a_governments_own_normative_documents_issued_and_abolished_stand_in(tmp_path):
    got = _overview_only(tmp_path, "2022年,全年共制定政府规范性文件3件,废止政府规范性文件6件。", year=2022)
    assert (got["normative_issued"], got["normative_abolished"]) == (3, 6)


def test_requests_received_that_hold_one_carried_over_give_the_years_less_it(tmp_path):
    for sentence in (
        "2021年全年收到政府信息公开申请30件(其中1件为上年度结转),办结30件,结转下年0件。",
        "2021年全年收到政府信息公开申请30件,其中1件为上年度结转。",
    ):
        got = _overview_only(tmp_path, sentence, year=2021)
        assert (got["requests_new"], got["requests_carried_over"]) == (29, 1)


def test_requests_closed_by_the_agency_speaking_of_itself_are_the_answered_total(tmp_path):
    got = _overview_only(
        tmp_path, "2023年,我区已按规定办结政府信息公开申请79件,结转下年度继续办理4件。", year=2023
    )
    assert (got["outcome_total"], got["requests_carried_forward"]) == (79, 4)
    assert "outcome_total" not in _overview_only(tmp_path, "2023年,我局不予公开答复2件。", year=2023)


def test_none_made_of_a_list_of_documents_and_rules_gives_zero_issued_of_both(tmp_path):
    got = _overview_only(tmp_path, "2021年未制作规范性文件、行政法规、规章。", year=2021)
    assert (got["rules_issued"], got["normative_issued"]) == (0, 0)


def test_decisions_counted_in_the_tables_own_words_stand_in_in_any_unit(tmp_path):
    got = _overview_only(
        tmp_path, "2022年,我局行政处罚本年处理决定数量803条,行政强制本年处理决定数量2条。", year=2022
    )
    assert (got["penalty_decisions"], got["coercion_decisions"]) == (803, 2)


def test_partly_granted_written_with_its_variant_character_is_the_partly_granted_row(tmp_path):
    got = _overview_only(
        tmp_path, "2022年共收到政府信息公开申请6件,其中予以公开2件,予以部份公开1件,不予公开3件。", year=2022
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_denied"]) == (2, 1, 3)


def test_a_pipe_row_whose_blank_cells_each_broke_its_line_is_read_whole(tmp_path):
    lines = [
        "示例县林业局2022年政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |",
        "自然人 | 法人或其他组织 | 总计 |",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |",
        "一、本年新收政府信息公开申请数量 | 25 |",
        *["|"] * 4,
        "| 25 |",
        "三、本年度办理结果 | (一)予以公开 | 7 |",
        *["|"] * 4,
        "| 7 |",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["requests_new"], got["requests_new_natural_person"], got["outcome_granted"]) == (25, 25, 7)


def test_a_breakdown_going_on_after_a_semicolon_with_counts_said_to_be_had_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2024年全县共受理依申请公开12件,予以公开及部分公开的有6件,占50%;无法提供的有6件,占50%;申请内容主要涉及土地。",
        year=2024,
    )
    assert (got["outcome_unable"], got["outcome_total"]) == (6, 12)
    assert "outcome_granted" not in got  # granted and partly granted counted together


def test_requests_carried_over_written_zhuanjie_and_answered_as_handled_stand_in(tmp_path):
    got = _overview_only(
        tmp_path, "2024年,县政府办公室共收到信息公开申请7件,上年转结1件,办理答复8件,答复率100%。", year=2024
    )
    assert (got["requests_new"], got["requests_carried_over"], got["outcome_total"]) == (7, 1, 8)


def test_a_breakdown_after_a_count_read_across_a_line_break_stands_in_but_examples_give_no_sub_row(tmp_path):
    lines = [
        "示例市人民政府2023年政府信息公开工作年度报告",
        "一、总体情况",
        "(二)依申请公开",
        "2023年,全市各级政府及部门共收到政府信息公开申请609件。办理结果为:予以公开380件,部分公开43件,"
        '因"属于国家秘密"等原因不予公开21件,无法提供120件,不予处理17件,其他处理20件,结转下年度继续办理8件。',
        "二、主动公开政府信息情况",
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["outcome_granted"], got["outcome_denied"], got["outcome_total"]) == (380, 21, 601)
    assert "denied_state_secret" not in got  # 等原因: the reason named is one of several


def test_requests_received_from_natural_persons_alone_count_their_column(tmp_path):
    got = _overview_only(tmp_path, "2021年,共收到自然人依申请公开政府信息2条,均依法按时办理。", year=2021)
    assert got["requests_new_natural_person"] == 2
    both = _overview_only(tmp_path, "2021年,共收到自然人政府信息公开申请2件,法人申请1件。", year=2021)
    assert "requests_new_natural_person" not in both


def test_a_breakdown_after_the_channels_of_the_requests_names_partly_granted_in_other_words(tmp_path):
    got = _overview_only(
        tmp_path,
        "2023年,某局共收到政府信息依申请公开件15件,其中通过网络申请9件,信函申请6件,按规定同意公开10件,"
        "部分同意公开3件,不予公开2件。",
        year=2023,
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_denied"]) == (10, 3, 2)
    assert got["outcome_total"] == 15


def test_a_top_row_listed_both_alone_and_by_a_sub_rows_item_gives_neither_but_the_rest_stand(tmp_path):
    """'因不属于本机关信息无法提供1件,信息不存在1件': both are 无法提供, but how the table splits them is unknown."""
    got = _overview_only(
        tmp_path,
        "2023年,某局共收到政府信息公开申请15件,其中同意公开10件,部分同意公开3件,"
        "因不属于本机关信息无法提供1件,信息不存在1件。",
        year=2023,
    )
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_total"]) == (10, 3, 15)
    assert "outcome_unable" not in got and "unable_not_held" not in got


def test_a_breakdown_wrapped_by_a_printed_pages_line_inside_an_items_words_still_adds_up(tmp_path):
    """A printed page wraps the sentence where the line is full: '属\\n于四类过程性信息1件'."""
    got = _overview_only(
        tmp_path,
        "2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,部分公开2件,属\n"
        "于四类过程性信息1件,本办不掌握相关政府信息2件,其他1件。",
        year=2022,
    )
    assert (got["outcome_granted"], got["denied_process_info"], got["unable_not_held"]) == (2, 1, 2)
    assert got["outcome_total"] == 8


@pytest.mark.parametrize(
    ("sentence", "total", "granted"),
    [
        ("2022年度我单位共收到4条依申请公开信息要求,均已按要求及时回复。", 4, None),
        ("今年来我局收到政府信息公开申请3件,2件为自然人申请,1件为商业机构申请,已全部办结,均完全公开。", 3, 3),
        ("2022年共收到政府信息公开申请64件。64件申请均在法定期限内予以答复。", 64, None),
    ],
)
def test_requests_all_said_answered_or_granted_are_the_years_answers(tmp_path, sentence, total, granted):
    got = _overview_only(tmp_path, sentence, year=2022)
    assert got["outcome_total"] == total
    assert got.get("outcome_granted") == granted


@pytest.mark.parametrize(
    "sentence",
    [
        # Some of them: the count before 均 is not the year's.
        "2023年,街道共受理政府信息公开申请10件,其中2件均按规定程序办结,6件为本机关不掌握。",
        # All published proactively, in the next sentence: no word of the requests.
        "2023年共收到政府信息公开申请1件。确保法定主动公开内容全部公开到位。",
    ],
)
def test_all_said_of_some_requests_or_of_other_business_gives_no_answers(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2023)
    assert "outcome_total" not in got and "outcome_granted" not in got


def test_a_channels_count_of_requests_followed_by_another_channels_is_no_count_of_all(tmp_path):
    got = _overview_only(
        tmp_path, "2024年,全年依申请公开共收到群众网上申请105件,快递17件,合计122件,上年结转11件。", year=2024
    )
    assert got.get("requests_new") != 105
    alone = _overview_only(tmp_path, "2024年,共收到群众网上申请15件,均已按时答复。", year=2024)
    assert alone["requests_new"] == 15


def test_a_breakdown_of_the_requests_closed_stands_in_where_no_request_count_is_given(tmp_path):
    """Only those closed are counted, after a heading on its line; the requests carried forward are
    listed with the outcomes but are none of them."""
    got = _overview_only(
        tmp_path,
        "(二)政府信息依申请公开情况\n2021年全区共办结政府信息依申请公开733件,其中予以公开238件,部分公开33件,"
        "不予公开38件,无法提供323件,不予处理25件,其他处理76件,转接下年度办理45件。",
        year=2021,
    )
    assert (got["outcome_total"], got["outcome_granted"], got["outcome_unable"]) == (733, 238, 323)
    assert got["requests_carried_forward"] == 45


def test_decisions_counted_in_xiang_or_as_cases_handled_stand_in(tmp_path):
    got = _overview_only(
        tmp_path, "2023年公开发布行政许可处理决定0项,行政处罚处理决定5项,行政强制处理决定1项。", year=2023
    )
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (0, 5, 1)
    handled = _overview_only(tmp_path, "全年处理行政许可事项840件。", year=2023)
    assert handled["licensing_decisions"] == 840
    cases = _overview_only(tmp_path, "本机关办理行政许可办件量3361件,行政处罚案件13件。", year=2023)
    assert (cases["licensing_decisions"], cases["penalty_decisions"]) == (3361, 13)


def test_penalties_counted_bare_in_xiang_are_no_decisions(tmp_path):
    """行政处罚61项 alone may count the entries published, not the decisions."""
    got = _overview_only(tmp_path, "全年新增行政许可2394项,行政处罚61项,行政强制7项。", year=2022)
    assert not {"licensing_decisions", "penalty_decisions", "coercion_decisions"} & set(got)


def test_a_breakdown_naming_those_carried_forward_adds_up_to_the_new_and_carried_over(tmp_path):
    got = _overview_only(
        tmp_path,
        "2023年我局共收到申请公开件92件、上一年度结转2件。其中,予以公开19件,部分公开18件,不予公开4件,"
        "无法提供38件,不予处理5件,其他处理1件,结转下年度继续办理9件。",
        year=2023,
    )
    assert (got["outcome_granted"], got["outcome_unable"], got["outcome_other"]) == (19, 38, 1)
    assert (got["outcome_total"], got["requests_carried_forward"]) == (85, 9)


def test_reviews_all_upheld_give_their_count_as_upheld(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年办理政府信息公开类行政复议7件,均获维持;行政诉讼8件,除1件尚未审结外,其他均获胜诉。",
        year=2022,
    )
    assert (got["review_total"], got["review_upheld"]) == (7, 7)


def test_review_results_stand_beside_a_clause_saying_there_was_no_lawsuit(tmp_path):
    got = _overview_only(
        tmp_path, "2024年,因政府信息公开被申请行政复议1件,结果维持1件,无提起行政诉讼的情况。", year=2024
    )
    assert (got["review_total"], got["review_upheld"]) == (1, 1)
    lawsuit = _overview_only(tmp_path, "2024年,被申请行政复议1件,维持1件,行政诉讼2件。", year=2024)
    assert "review_upheld" not in lawsuit  # lawsuits end in the same words


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("全年共接收依申请公开信息18件(包含上年结转3件),均按要求答复。", 15),
        ("规范办理依申请公开事项,全年共收办申请6件,其中自然人申请3件,商业企业申请3件。", 6),
        ("2024年公众通过邮递、网站、现场申请等途径向区政府提交政府信息公开申请187件,已全部办结。", 187),
        ("2024年我局共接收通过邮寄、邮件、现场等方式提交的各类政府信息公开申请10件,共办结10件。", 10),
        ("2024年,收到公民、或其他社会组织当面提交或以信函、传真等形式的依申请公开3件,已按时办结。", 3),
        (
            "受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件,均在法定时限内予以答复。",
            5,
        ),
        ("本局2024年度收到4件针对本部门有关政府信息公开事务的申请,均按时答复。", 4),
        ("2024年,我苏木依申请公开政府信息共4件,其中,予以公开2件,不掌握信息2件。", 4),
        ("2024年依申请公开4条,已全部按期办理完毕。", 4),
        ("本年度共受到依申请公开3件,办理完成3件。", 3),
        ("2024年高新区管委会共收到依申请政府信息2条,申请人均为自然人,按时办结2条。", 2),
        ("(二)2024年依申请政府信息公开44件,其中予以公开23件,部分公开6件,不予公开1件,无法提供14件。", 44),
        ("2024年,市政府办公室共受理向市政府和政府办公室提起的依申请公开信函31件,较上年增长63%。", 31),
    ],
)
def test_requests_received_in_other_words_give_the_years_count(tmp_path, sentence, requests):
    assert _overview_only(tmp_path, sentence, year=2024)["requests_new"] == requests


@pytest.mark.parametrize(
    "sentence",
    [
        # The documents open on request, beside those published.
        "2024年共制作政府信息300条,其中主动公开信息120条,依申请公开信息30条。",
        "2024年主动公开信息68条,依申请公开信息3件。",
        # The requests handled or closed, which may hold last year's: the count of those answered.
        "2024年共办理依申请公开5件,其中上年结转1件,均按时办结。",
        "2024年共办理依申请公开7件,均按照规定按时予以回复。",
        "2024年全区共办结政府信息依申请公开733件,其中予以公开238件,部分公开33件,转接下年度办理45件。",
    ],
)
def test_requests_handled_or_documents_open_on_request_are_no_count_of_the_years_requests(tmp_path, sentence):
    assert "requests_new" not in _overview_only(tmp_path, sentence, year=2024)


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度我单位无政府信息公开工作被申请行政复议、提起行政诉讼情况。",
        "全年受理政府信息公开申请3件,全部依法办理完毕;无政府行政复议件,无行政诉讼。",
        "2024年收到信息公开申请4件,均已按规定时间予以回复,无提起行政复议、行政诉讼情况。",
    ],
)
def test_no_review_nor_lawsuit_named_a_few_words_after_the_negation_gives_zero_of_each(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2024)
    assert (got["review_total"], got["lit_direct_total"], got["lit_after_review_total"]) == (0, 0, 0)


def test_counts_in_the_units_and_words_small_offices_use_stand_in(tmp_path):
    lawsuits = _overview_only(tmp_path, "2024年某镇共收到依申请公开0件,行政复议0件,行政诉讼0条。", year=2024)
    assert (lawsuits["review_total"], lawsuits["lit_direct_total"], lawsuits["lit_after_review_total"]) == (
        0,
        0,
        0,
    )
    in_force = _overview_only(
        tmp_path, "2024年共制发行政规范性文件1个,截至2024年底现行有效的行政规范性文件共8个。", year=2024
    )
    assert in_force["normative_in_force"] == 8
    answered = _overview_only(
        tmp_path,
        "2024年,我局共收到政府信息公开申请8件,作出政府信息公开答复6件,结转下年度继续办理2件。",
        year=2024,
    )
    assert (answered["outcome_total"], answered["requests_carried_forward"]) == (6, 2)


def test_requests_all_of_individuals_are_natural_persons(tmp_path):
    got = _overview_only(
        tmp_path, "2024年,全区共收到依申请政府信息公开3件,主要为信函申请3件,且均为个人申请。", year=2024
    )
    assert (got["requests_new_natural_person"], got["requests_new_legal_person"]) == (3, 0)


def test_the_one_reviews_result_said_without_a_count_is_its_result(tmp_path):
    got = _overview_only(tmp_path, "2024年,因政府信息公开申请引发的行政复议1起,结果维持。", year=2024)
    assert (got["review_total"], got["review_upheld"]) == (1, 1)
    two = _overview_only(tmp_path, "2024年,因政府信息公开申请引发的行政复议2起,结果维持。", year=2024)
    assert "review_upheld" not in two  # which of the two is not said


def test_no_new_request_and_none_carried_over_give_zero_of_each(tmp_path):
    got = _overview_only(
        tmp_path, "2024年,我镇未新受理政府信息公开申请,无上年结转政府信息公开申请。", year=2024
    )
    assert (got["requests_new"], got["requests_carried_over"]) == (0, 0)


def test_section2_columns_named_by_their_count_in_tiao_stand_in(tmp_path):
    got = _overview_only(tmp_path, "本年度行政规范性文件制发数量2条,废止数量0条,现行有效数量5条。", year=2025)
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (2, 0, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年,我局受理自然人政府信息公开申请3件,均已按期答复。",
        "2025年,收到3件居民信息公开申请,已依法在规定时间内答复。",
        "2023年,市市场监管局共收到3个自然人的政府信息公开申请,均按时答复。",
        "2021年,我局受理依申请公开3件,从申请主体上看均为自然人,从申请方式上看均为互联网申请。",
        "2022年,共收到自然人依申请公开政府信息3件,均按规定时间办结。",
    ],
)
def test_requests_counted_as_natural_persons_own_are_all_natural_persons(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2023)
    assert (got["requests_new"], got["requests_new_natural_person"], got["requests_new_legal_person"]) == (
        3,
        3,
        0,
    )


def test_no_request_at_all_is_none_from_either_kind_of_requester(tmp_path):
    got = _overview_only(tmp_path, "2023年,本机关未收到政府信息公开申请。", year=2023)
    assert (got["requests_new"], got["requests_new_natural_person"], got["requests_new_legal_person"]) == (
        0,
        0,
        0,
    )
    some = _overview_only(tmp_path, "2023年,本机关收到政府信息公开申请2件。", year=2023)
    assert "requests_new_natural_person" not in some and "requests_new_legal_person" not in some


def test_a_natural_persons_count_followed_by_an_organisations_is_not_all_the_requests(tmp_path):
    got = _overview_only(
        tmp_path,
        "2025年,全年受理政府信息公开申请25件(含2024年结转1件),其中自然人申请24件,其它1件。",
        year=2025,
    )
    assert got["requests_new"] == 24
    assert "requests_new_natural_person" not in got and "requests_new_legal_person" not in got


def test_documents_none_issued_nor_abolished_in_a_list_of_verbs_give_zero_for_both(tmp_path):
    got = _overview_only(tmp_path, "(三)政府信息管理。2023年度未制定发布、废止行政规范性文件。", year=2023)
    assert (got["normative_issued"], got["normative_abolished"]) == (0, 0)
    issued_only = _overview_only(tmp_path, "2023年度未发布规范性文件。", year=2023)
    assert issued_only["normative_issued"] == 0 and "normative_abolished" not in issued_only


def test_counts_printed_with_a_space_before_their_unit_and_penalty_decision_documents_stand_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "全年制发规范性文件\n0 件,废止 0 件,现行有效 1 件。全年下达行政处罚决定书74件。",
        year=2023,
    )
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (0, 0, 1)
    assert got["penalty_decisions"] == 74


def test_the_years_one_request_with_its_outcome_in_words_gives_that_outcome(tmp_path):
    held = _overview_only(
        tmp_path, "2021年度,我委共收到政府信息公开申请1件,为本机关不掌握的相关政府信息。", year=2021
    )
    assert (held["outcome_total"], held["outcome_unable"], held["unable_not_held"]) == (1, 1, 1)
    granted = _overview_only(
        tmp_path, "2024年度,区民政局收到1条政府信息公开申请,按有关要求予以公开。", year=2024
    )
    assert (granted["outcome_total"], granted["outcome_granted"]) == (1, 1)
    partly = _overview_only(
        tmp_path,
        "2022年,我街共受理政府信息公开申请1件;答复政府信息公开申请1件,为部分公开,在法定期限内予以答复。",
        year=2022,
    )
    assert (partly["outcome_total"], partly["outcome_partial"]) == (1, 1) and "outcome_granted" not in partly


@pytest.mark.parametrize(
    "sentence",
    [
        "2024年收到政府信息公开申请1件,答复2件,为部分公开。",  # more answered than received
        "2024年收到政府信息公开申请1件,未予以公开,告知申请人通过其他途径获取。",  # 未予以公开 is no grant
        "2024年收到政府信息公开申请1件,予以公开,另有咨询3件为本机关不掌握。",  # two outcomes named
    ],
)
def test_one_requests_outcome_is_not_read_where_the_sentence_speaks_of_more(tmp_path, sentence):
    got = _overview_only(tmp_path, sentence, year=2024)
    assert not {"outcome_granted", "outcome_partial", "outcome_unable"} & set(got)


def test_documents_issued_with_verbs_run_together_in_ge_stand_in(tmp_path):
    got = _overview_only(tmp_path, "2022年,我局新制定出台规范性文件2个,均已公开。", year=2022)
    assert got["normative_issued"] == 2


def test_a_2021_header_saying_zhizuo_for_zhifa_still_names_its_cells(tmp_path):
    """本年制作件数 beside 本年废止件数 and 现行有效件数: the 2021 table's issued column."""
    lines = [
        "示例镇人民政府2023年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "第二十条第(一)项 |",
        "|||",
        *(f"{cell} |" for cell in ("信息内容", "本年制作件数", "本年废止件数", "现行有效件数")),
        *(f"{cell} |" for cell in ("规章", "0", "0", "0", "行政规范性文件", "2", "1", "9")),
    ]
    got = extract_file(_doc(tmp_path, lines)).totals()
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (2, 1, 9)


def test_a_breakdown_after_a_topic_clause_counted_in_zong_with_shares_said_as_about_adds_up(tmp_path):
    got = _overview_only(
        tmp_path,
        "2024年,市政府办公室共受理政府信息公开申请11宗,主要涉及政府政策文件,5宗予以公开,4宗不予公开,"
        "2宗转下年度继续办理,均已按要求依法答复。",
        year=2024,
    )
    assert (got["outcome_granted"], got["outcome_denied"], got["outcome_total"]) == (5, 4, 9)
    about = _overview_only(
        tmp_path,
        "2024年,全市新收政府信息公开申请173宗,上年结转政府信息公开3宗,结转下年度继续办理1宗,共办理175宗。"
        "其中:予以公开及部分公开87宗,约占50%;不予公开23宗,约占13%;因本机关不掌握相关政府信息等原因无法提供61件,"
        "约占35%;其他处理4宗。",
        year=2024,
    )
    assert (about["outcome_denied"], about["outcome_unable"], about["outcome_other"]) == (23, 61, 4)


def test_fees_as_a_total_amount_and_no_requests_as_no_disclosure_requests_stand_in(tmp_path):
    got = _overview_only(tmp_path, "2024年,全区行政事业性收费总金额2181.669177万元。", year=2024)
    assert got["fees_collected_10k_yuan"] == 2181.669177
    none = _overview_only(tmp_path, "(二)依申请公开信息方面。2023年无信息公开申请。", year=2023)
    assert none["requests_new"] == 0


def test_an_overview_breakdown_names_refusals_as_prose_does(tmp_path):
    count_first = _overview_only(
        tmp_path, "2020年收到政府信息公开申请5件,其中3件予以公开,1件部分公开,1件不公开。"
    )
    assert (
        count_first["outcome_granted"],
        count_first["outcome_partial"],
        count_first["outcome_denied"],
    ) == (
        3,
        1,
        1,
    )
    wordy = _overview_only(tmp_path, "2020年收到政府信息公开申请6件,其中予以公开4件,不予以公开2件。")
    assert (wordy["outcome_granted"], wordy["outcome_denied"], wordy["outcome_total"]) == (4, 2, 6)


def test_an_overview_breakdown_of_the_requests_closed_that_year_stands_in(tmp_path):
    got = _overview_only(
        tmp_path,
        "2025年共收到政府信息公开申请10件,当年度办结9件,结转下年度办理1件,办结的9件中予以公开5件,不予公开4件。",
        year=2025,
    )
    assert (got["outcome_total"], got["outcome_granted"], got["outcome_denied"]) == (9, 5, 4)
    assert got["requests_carried_forward"] == 1


def test_an_overview_breakdown_may_name_outcomes_by_the_information_given(tmp_path):
    got = _overview_only(
        tmp_path, "2020年收到政府信息公开申请5件。其中,予以公开的信息3件,无法提供的政府信息2件。"
    )
    assert (got["outcome_granted"], got["outcome_unable"], got["outcome_total"]) == (3, 2, 5)


def test_an_overview_saying_none_was_carried_into_the_next_year_gives_none_carried_forward(tmp_path):
    for sentence in (
        "2020年收到政府信息公开申请8件,均已答复。无下年度结转。",
        "2020年收到政府信息公开申请8件,无上年度结转,无申请件结转到下一年度。",
    ):
        assert _overview_only(tmp_path, sentence)["requests_carried_forward"] == 0
    both = _overview_only(tmp_path, "2020年处理政府信息公开申请28件,无上年和下年结转件。")
    assert both["requests_carried_over"] == 0


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        ("2020年,规范受理并答复政府信息公开申请21件(含上年度结转1件),未发生行政复议。", 21),
        ("2020年度,区公安分局依申请公开受理和办结6件。", 6),
        ("全年共办结依申请公开件5件,全部在规定期限内答复。", 5),
    ],
)
def test_an_overview_counting_the_requests_answered_in_other_words_gives_their_total(
    tmp_path, sentence, answered
):
    assert _overview_only(tmp_path, sentence)["outcome_total"] == answered


def test_requests_received_and_answered_without_naming_requests_give_no_total(tmp_path):
    assert "outcome_total" not in _overview_only(tmp_path, "2020年全年共受理并办结12件群众来信。")


def test_penalties_and_coercions_in_items_beside_the_tables_decision_count_are_decisions(tmp_path):
    got = _overview_only(tmp_path, "2021年行政许可处理决定数量450项,行政处罚2项、行政强制0项。", year=2021)
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (450, 2, 0)
    published = _overview_only(
        tmp_path, "2021年公开行政许可处理决定数量450项,行政处罚61项、行政强制3项。", year=2021
    )
    assert "penalty_decisions" not in published and "coercion_decisions" not in published
