"""Section 二 of the standard layouts as scraped text flattens it: invented rows, one per way it goes wrong."""

from __future__ import annotations

from metrics.extract.standard import extract_standard
from metrics.extract.standard.section2 import split_zero_led
from metrics.models import Document

HEAD_2019 = "二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量"
HEAD_2021 = "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
SECTION3 = "三、收到和处理政府信息公开申请情况"


def section2(text: str, fmt: str) -> dict[str, float | None]:
    facts, _ = extract_standard(Document(path="invented.txt", text=text), fmt)
    return {f.metric_id: f.value for f in facts if f.column == "total"}


def test_a_number_starting_with_zero_is_cells_run_together_and_split_when_only_one_reading_fits():
    got = section2(
        HEAD_2019 + "规章 0 0 0规范性文件 4 5 9第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量"
        "行政许可00 7" + SECTION3,
        "std2019",
    )
    assert (got["licensing_items_last_year"], got["licensing_items_change"], got["licensing_decisions"]) == (
        0,
        0,
        7,
    )


def test_zero_led_runs_are_split_only_when_a_single_reading_fills_the_row():
    assert split_zero_led(["012", "5"], 3) == (0, 12, 5)  # 0|1|2|5 would be four cells
    assert split_zero_led(["0112", "5"], 4) is None  # 0|1|12|5 or 0|11|2|5
    assert split_zero_led(["12", "5"], 3) is None  # no zero-led token: a lost cell, not a run


def test_prose_after_the_last_row_of_section2_is_not_read_as_its_cells():
    got = section2(
        HEAD_2021 + "规章000行政规范性文件3 0 12第二十条第（八）项信息内容本年收费金额（单位：万元）"
        "行政事业性收费12.5 (二)主动公开政府信息的主要类别全年公开信息共80条，其中政策解读6条。" + SECTION3,
        "std2021",
    )
    assert got["fees_collected_10k_yuan"] == 12.5


def test_a_std2021_report_printing_the_2019_section2_header_is_read_by_that_header():
    got = section2(
        HEAD_2019
        + "规章 1 1 4行政规范性文件 6 6 20第二十条第（五）项"
        + SECTION3
        + "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000",
        "std2021",
    )
    assert (got["rules_issued"], got["rules_published"], got["rules_in_force"]) == (1, 1, 4)
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (6, 6, 20)
    assert "rules_abolished" not in got


def test_a_table_run_onto_one_line_with_its_header_is_read_cell_by_cell_after_each_label():
    """A page's text that kept the table's borders but not its line breaks: header and rows on one line."""
    got = section2(
        "二、主动公开政府信息情况 第二十条第（一）项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | "
        "规章 | 0 | 0 | 0 | 行政规范性文件 | 4 | 1 | 12 | 第二十条第（五）项 | 信息内容 | 本年处理决定数量 | "
        "行政许可 | 650 | 第二十条第（六）项 | 信息内容 | 本年处理决定数量 | 行政处罚 | 100 | 行政强制 | 0 | "
        + SECTION3,
        "std2021",
    )
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (4, 1, 12)
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (650, 100, 0)


def test_a_2021_header_saying_new_and_a_label_that_lost_its_last_word_still_name_their_cells():
    """本年新制发数量 / 本年新废止数量 for 本年制发件数 / 本年废止件数; 行政规范性 for 行政规范性文件."""
    got = section2(
        "二、主动公开政府信息情况\n第二十条第（一）项\n| 信息内容 | 本年新制发数量 | 本年新废止数量 | 现行有效数量 |\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性 | 3 | 2 | 9 |\n" + SECTION3,
        "std2021",
    )
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (3, 2, 9)
    assert (got["rules_issued"], got["rules_abolished"], got["rules_in_force"]) == (0, 0, 0)


def test_a_mirrors_pinyin_after_a_character_set_apart_by_a_space_in_pdf_text_does_not_break_a_header():
    """PDF text of a mirrored page: '本年處理決定數 (shù)量' for 本年处理决定数量."""
    got = section2(
        "二、主动公开政府信息情况\n第二十条第（五）项\n信息內容 | 本年處理決定數 (shù)量\n行政許可 | 12\n"
        "第二十条第（六）项\n信息內容 | 本年處理決定數 (shù)量\n行政處罰 | 3\n行政強制 | 0\n" + SECTION3,
        "std2021",
    )
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (12, 3, 0)


def test_a_cell_printing_its_count_with_a_unit_is_that_count():
    """'行政处罚 | 201件 |': the unit in the cell adds nothing."""
    got = section2(
        "二、主动公开政府信息情况\n第二十条第（六）项 | ||||\n信息内容 | 处理决定数量 | |||\n"
        "行政处罚 | 201件 | |||\n行政强制 | 6项 | |||\n" + SECTION3,
        "std2019",
    )
    assert (got["penalty_decisions"], got["coercion_decisions"]) == (201, 6)


def test_a_2019_header_saying_this_years_and_last_years_still_names_its_cells():
    """本年度新制作数量 / 本年度公开数量 for 本年新制作数量 / 本年新公开数量; 上一年度项目数量 for 上一年项目数量."""
    got = section2(
        "二、主动公开政府信息情况\n第二十条第（一）项 | |||\n信息内容 | 本年度新制作数量 | 本年度公开数量 | 对外公开总数量 |\n"
        "规章 | 0 | 0 | 3 |\n规范性文件 | 2 | 2 | 7 |\n第二十条第（五）项 | |||\n"
        "信息内容 | 上一年度项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 12 | 1 | 40 |\n" + SECTION3,
        "std2019",
    )
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (2, 2, 7)
    assert (got["rules_issued"], got["rules_published"], got["rules_in_force"]) == (0, 0, 3)
    assert (got["licensing_items_last_year"], got["licensing_items_change"], got["licensing_decisions"]) == (
        12,
        1,
        40,
    )


def test_a_last_row_cut_by_the_end_of_an_excerpt_gives_its_cells_before_the_cut_in_order():
    head = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
    )
    got = section2(head + "规章\n0\n0\n0\n行政规范性文件\n2\n1\n", "std2021")
    assert (got["normative_issued"], got["normative_abolished"]) == (2, 1)
    assert "normative_in_force" not in got


def test_a_cut_last_row_is_left_out_where_the_row_above_lost_a_cell():
    """A rendering that drops blank cells ('规章 / 0') may have dropped one in the cut row too."""
    head = (
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n"
    )
    got = section2(head + "规章\n0\n0\n行政规范性文件\n2\n1\n", "std2021")
    assert "normative_issued" not in got and "normative_abolished" not in got


def test_a_block_whose_header_the_scrape_dropped_takes_the_header_of_the_block_before():
    # One cell a line with blanks dropped: 第二十条第（六）项 lost its 信息内容 / 本年处理决定数量 cells.
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（五）项",
        "本年处理决定数量",
        "行政许可",
        "270",
        "第二十条第（六）项",
        "行政处罚",
        "2",
        "行政强制",
        "第二十条第（八）项",
        "本年收费金额（单位：万元）",
        "行政事业性收费",
        SECTION3,
    ]
    got = section2("\n".join(lines), "std2021")
    assert (got["licensing_decisions"], got["penalty_decisions"]) == (270, 2)
    assert "coercion_decisions" not in got and "fees_collected_10k_yuan" not in got


def test_a_block_without_a_header_takes_none_where_the_block_before_has_other_columns():
    # 行政事业性收费 has no 本年处理决定数量 column: the header above is no header of its row.
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（六）项",
        "本年处理决定数量",
        "行政处罚",
        "2",
        "第二十条第（八）项",
        "行政事业性收费",
        "7",
        SECTION3,
    ]
    got = section2("\n".join(lines), "std2021")
    assert got["penalty_decisions"] == 2
    assert "fees_collected_10k_yuan" not in got
