"""The standard-layout extractor on small invented reports, one per way a table reaches us."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from metrics.extract.standard import extract_standard
from metrics.extract.standard.cells import (
    is_sentence,
    pipe_cells,
    place_tokens,
    read_cells,
    read_tokens,
    split_run,
)
from metrics.extract.standard.source import LAST_UNMATCHED, UNMATCHED, make_source
from metrics.readers import read_bytes, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "standard"


def extract(name: str, fmt: str):
    return extract_standard(read_document(FIXTURES / name), fmt)


def cells(facts) -> dict[tuple[str, str], float | None]:
    return {(f.metric_id, f.column): f.value for f in facts}


def totals(facts) -> dict[str, float | None]:
    return {f.metric_id: f.value for f in facts if f.column == "total"}


@pytest.fixture(scope="module")
def std2019_grid():
    return extract("std2019_grid.html", "std2019")


@pytest.fixture(scope="module")
def std2021_grid():
    return extract("std2021_grid_traditional.html", "std2021")


def test_a_web_tables_numbers_split_into_inline_runs_give_the_same_figures(std2019_grid, tmp_path):
    # Word's HTML: every number of two or more digits in runs of one digit each. Read with a space
    # between the runs, 48 became '4 8' and section 三's row shifted (requests_new 48 read as 8).
    markup = (FIXTURES / "std2019_grid.html").read_text(encoding="utf-8")
    split = re.sub(
        r"(<td[^>]*>)(\d{2,})</td>",
        lambda m: m[1] + "".join(f"<span>{d}</span>" for d in m[2]) + "</td>",
        markup,
    )
    assert split != markup
    page = tmp_path / "runs.html"
    page.write_text(split, encoding="utf-8")
    facts, flags = extract_standard(read_document(page), "std2019")
    assert cells(facts) == cells(std2019_grid[0])


def test_std2019_grid_reads_every_requester_column_through_rowspan_and_colspan(std2019_grid):
    facts, flags = std2019_grid
    got = cells(facts)
    assert [
        got[("requests_new", c)]
        for c in (
            "natural_person",
            "commercial",
            "research",
            "public_interest",
            "legal_service",
            "other_org",
            "total",
        )
    ] == [40, 5, 0, 1, 0, 2, 48]
    assert got[("requests_carried_forward", "public_interest")] == 1
    assert got[("outcome_total", "total")] == 46
    assert flags == []


def test_std2019_grid_blank_total_cell_is_the_row_sum_and_marked_derived(std2019_grid):
    facts, _ = std2019_grid
    granted = next(f for f in facts if f.metric_id == "outcome_granted" and f.column == "total")
    assert granted.value == 23
    assert granted.derived


def test_std2019_grid_blank_cells_in_a_present_row_are_zero(std2019_grid):
    got = cells(std2019_grid[0])
    assert got[("denied_state_secret", "total")] == 0
    assert got[("requests_carried_over", "commercial")] == 0


def test_parent_rows_printed_blank_are_sums_of_their_sub_rows(std2019_grid):
    facts, _ = std2019_grid
    by_id = {f.metric_id: f for f in facts if f.column == "total"}
    assert (
        by_id["outcome_denied"].value,
        by_id["outcome_unable"].value,
        by_id["outcome_not_processed"].value,
    ) == (3, 11, 4)
    assert by_id["outcome_denied"].derived and by_id["outcome_unable"].derived


def test_section2_not_applicable_marks_become_none_and_money_in_yuan_becomes_10k_yuan(std2019_grid):
    got = totals(std2019_grid[0])
    assert got["rules_issued"] is None and got["rules_in_force"] is None
    assert got["other_services_items_last_year"] is None and got["other_services_items_change"] is None
    assert got["other_services_decisions"] == 0
    assert got["procurement_amount_10k_yuan"] == 25.1
    assert got["procurement_projects"] == 9
    assert got["licensing_decisions"] == 1530  # thousands separator
    assert got["licensing_items_change"] == -2


def test_section2_columns_follow_the_header_when_cells_are_merged(std2019_grid):
    got = totals(std2019_grid[0])
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (4, 4, 31)
    assert (got["fees_items_last_year"], got["fees_items_change"]) == (1, 0)


def test_section4_blank_cells_are_zero_and_all_fifteen_figures_are_read(std2019_grid):
    got = totals(std2019_grid[0])
    assert [got[f"review_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        2,
        1,
        0,
        0,
        3,
    ]
    assert [got[f"lit_direct_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        1,
        0,
        0,
        1,
        2,
    ]
    assert got["lit_after_review_total"] == 0


def test_evidence_keeps_the_printed_cell_and_row_label(std2019_grid):
    facts, _ = std2019_grid
    new_total = next(f for f in facts if f.metric_id == "requests_new" and f.column == "total")
    assert "本年新收政府信息公开申请数量" in new_total.evidence and new_total.evidence.endswith(": 48")
    amount = next(f for f in facts if f.metric_id == "procurement_amount_10k_yuan")
    assert "251000元" in amount.evidence


def test_std2021_grid_in_traditional_characters_reads_other_handling_sub_rows(std2021_grid):
    facts, _ = std2021_grid
    got = totals(facts)
    assert (got["requests_new"], got["outcome_total"], got["requests_carried_forward"]) == (15, 13, 3)
    assert (got["other_no_correction"], got["other_unpaid_fee"], got["other_misc"]) == (0, 0, 0)
    assert got["outcome_other"] == 0 and got["denied_query_matter"] == 1
    evidence = next(f for f in facts if f.metric_id == "requests_new" and f.column == "total").evidence
    assert "本年新收政府信息公開申請數量" in evidence  # original characters, not the normalised ones


def test_std2021_section2_note_in_cell_dash_and_unit_in_cell(std2021_grid):
    got = totals(std2021_grid[0])
    assert got["normative_abolished"] == 22  # "22(其中修订16件)"
    assert got["rules_issued"] is None and got["rules_abolished"] is None  # "—"
    assert got["fees_collected_10k_yuan"] == 12.5  # "12.5万元"
    assert (got["licensing_decisions"], got["penalty_decisions"], got["coercion_decisions"]) == (318, 27, 0)


def test_std2021_section4_review_and_both_kinds_of_lawsuit(std2021_grid):
    got = totals(std2021_grid[0])
    assert (got["review_corrected"], got["review_total"]) == (1, 1)
    assert (got["lit_direct_total"], got["lit_after_review_upheld"], got["lit_after_review_total"]) == (
        0,
        1,
        1,
    )


@pytest.fixture(scope="module")
def pipe_rows():
    return extract("pipe_rows_std2021.txt", "std2021")


def test_pipe_rows_survive_footers_stacked_headers_and_labels_broken_over_lines(pipe_rows):
    got = cells(pipe_rows[0])
    assert got[("unable_not_held", "total")] == 6  # label split over two lines, page footer after the row
    assert got[("requests_new", "legal_service")] == 1
    assert got[("outcome_total", "total")] == 27 and got[("requests_carried_forward", "total")] == 2


def test_pipe_row_without_label_goes_to_the_label_printed_above_it(pipe_rows):
    got = cells(pipe_rows[0])
    assert got[("np_mass_repeat", "total")] == 0
    assert got[("np_confirmation", "total")] == 0
    assert got[("outcome_not_processed", "total")] == 1


def test_pipe_row_blank_total_is_derived_and_feeds_its_parent(pipe_rows):
    facts, _ = pipe_rows
    misc = next(f for f in facts if f.metric_id == "other_misc" and f.column == "total")
    assert misc.value == 1 and misc.derived
    assert totals(facts)["outcome_other"] == 3


def test_pipe_rows_section2_and_section4_split_over_three_small_tables(pipe_rows):
    got = totals(pipe_rows[0])
    assert (got["normative_issued"], got["normative_abolished"], got["normative_in_force"]) == (3, 1, 18)
    assert got["licensing_decisions"] == 1204 and got["fees_collected_10k_yuan"] == 0.35
    assert (
        got["review_pending"],
        got["review_total"],
        got["lit_direct_total"],
        got["lit_after_review_total"],
    ) == (1, 2, 0, 1)


@pytest.fixture(scope="module")
def run_together():
    return extract("run_together_std2019.txt", "std2019")


def test_run_together_digits_split_by_the_row_total(run_together):
    got = cells(run_together[0])
    row = [
        got[("requests_new", c)]
        for c in (
            "natural_person",
            "commercial",
            "research",
            "public_interest",
            "legal_service",
            "other_org",
            "total",
        )
    ]
    assert row == [45, 0, 0, 3, 0, 4, 52]  # "4500 30452": the stray space is not a cell border
    assert got[("unable_not_held", "total")] == 12
    assert got[("requests_carried_forward", "other_org")] == 1


def test_run_together_row_with_two_splits_is_settled_by_the_column_identities(run_together):
    facts, flags = run_together
    got = cells(facts)
    assert [got[("outcome_total", c)] for c in ("natural_person", "commercial", "total")] == [44, 0, 50]
    decided = [f for f in flags if f.metric_id == "outcome_total"]
    assert decided and decided[0].code == "ambiguous_row" and decided[0].severity == "info"
    assert "44|0|0|3|0|3|50" in decided[0].message


def test_run_together_section4_fifteen_cells_split_by_the_group_totals(run_together):
    got = totals(run_together[0])
    assert [got[f"review_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        1,
        0,
        2,
        0,
        3,
    ]
    assert (got["lit_direct_upheld"], got["lit_direct_total"], got["lit_after_review_total"]) == (12, 12, 0)


def test_run_together_section2_keeps_only_unique_splits(run_together):
    facts, flags = run_together
    got = totals(facts)
    assert (got["normative_issued"], got["normative_published"], got["normative_in_force"]) == (1, 2, 3)
    assert "licensing_decisions" not in got  # "4517301" splits many ways
    assert any("4517301" in f.message and f.code == "ambiguous_row" for f in flags)


def test_ambiguous_split_emits_no_guess_for_the_uncertain_cells_and_flags_the_row():
    facts, flags = extract("run_together_ambiguous_std2021.txt", "std2021")
    got = cells(facts)
    # "220000022" is 22|0|0|0|0|0|22 or 2|20|0|0|0|0|22, and the identities hold either way.
    assert ("requests_new", "natural_person") not in got
    assert ("requests_new", "commercial") not in got
    assert got[("requests_new", "research")] == 0
    assert got[("requests_new", "total")] == 22
    warned = [f for f in flags if f.metric_id == "requests_new"]
    assert warned and warned[0].code == "ambiguous_row" and warned[0].severity == "warning"
    assert "220000022" in warned[0].message


def test_split_run_respects_group_totals_and_leading_zeros():
    assert split_run("640020470", (7,), summed=True) == [(64, 0, 0, 2, 0, 4, 70)]
    assert sorted(split_run("220000022", (7,), summed=True)) == [
        (2, 20, 0, 0, 0, 0, 22),
        (22, 0, 0, 0, 0, 0, 22),
    ]
    assert split_run("21317000001324019", (5, 5, 5), summed=True) == [
        (2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19)
    ]
    assert split_run("000", (3,), summed=False) == [(0, 0, 0)]


def test_split_run_gives_up_on_runs_too_long_to_read():
    assert split_run("1" * 60, (30,), summed=False) is None


def test_report_wrapped_in_a_page_layout_table_reads_the_same_figures(tmp_path):
    page = (FIXTURES / "std2019_grid.html").read_text(encoding="utf-8")
    wrapped = page.replace("<body>", "<body><table><tr><td>").replace("</body>", "</td></tr></table></body>")
    path = tmp_path / "wrapped.html"
    path.write_text(wrapped, encoding="utf-8")
    facts, _ = extract_standard(read_document(path), "std2019")
    assert totals(facts) == totals(extract("std2019_grid.html", "std2019")[0])


@pytest.mark.parametrize(
    "row",
    [
        " | 1 |  |  | 1 | 1 |  | 1 | 1 | 3 | 1 |  |  |  | 1",  # blank first cell
        "| | 1 |  |  | 1 | 1 |  | 1 | 1 | 3 | 1 |  |  |  | 1 |",  # the same row with outer borders
    ],
)
def test_section4_pipe_row_with_blank_edge_cells_keeps_every_position(tmp_path, row):
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n"
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
        f"{row}\n五、存在的主要问题及改进情况\n2023年,我们将继续改进工作。\n"
    )
    path = tmp_path / "s4.txt"
    path.write_text(text, encoding="utf-8")
    facts, _ = extract_standard(read_document(path), "std2021")
    got = {f.metric_id: f.value for f in facts}
    assert [got[f"review_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        0,
        1,
        0,
        0,
        1,
    ]
    assert [got[f"lit_direct_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        1,
        0,
        1,
        1,
        3,
    ]
    assert [got[f"lit_after_review_{c}"] for c in ("upheld", "corrected", "other", "pending", "total")] == [
        1,
        0,
        0,
        0,
        1,
    ]


def test_numbers_below_their_labels_stay_with_them_when_blank_rows_print_no_numbers(tmp_path):
    printed = {
        "一、本年新收政府信息公开申请数量": "5 1 0 0 0 0 6",
        "三、本年度办理结果 （一）予以公开": "3 1 0 0 0 0 4",
        "（二）部分公开": "1 0 0 0 0 0 1",
        "（四）无法提供 1.本机关不掌握相关政府信息": "1 0 0 0 0 0 1",
        "（七）总计": "5 1 0 0 0 0 6",
    }
    blank = [
        "二、上年结转政府信息公开申请数量",
        "（三）不予公开 1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "（五）不予处理 1.信访举报投诉类申请",
        "2.重复申请",
        "（六）其他处理",
        "四、结转下年度继续办理",
    ]
    order = [
        *list(printed)[:1],
        blank[0],
        *list(printed)[1:3],
        *blank[1:3],
        list(printed)[3],
        *blank[3:6],
        list(printed)[4],
        blank[6],
    ]
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
    ]
    for label in order:
        lines += [label] + ([printed[label]] if label in printed else [])
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]
    path = tmp_path / "below.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    facts, _ = extract_standard(read_document(path), "std2019")
    got = {f.metric_id: f.value for f in facts if f.column == "total" and not f.derived}
    assert {
        k: got.get(k)
        for k in ("requests_new", "outcome_granted", "outcome_partial", "unable_not_held", "outcome_total")
    } == {
        "requests_new": 6,
        "outcome_granted": 4,
        "outcome_partial": 1,
        "unable_not_held": 1,
        "outcome_total": 6,
    }
    assert got.get("requests_carried_over") in (None, 0)
    assert got.get("denied_state_secret") in (None, 0)


def test_numbers_that_lost_their_blank_cells_are_placed_every_way_the_row_total_allows():
    assert place_tokens([10, 0, 0, 0, 10], (7,)) == [
        (0, 0, 10, 0, 0, 0, 10),
        (0, 10, 0, 0, 0, 0, 10),
        (10, 0, 0, 0, 0, 0, 10),
    ]
    assert place_tokens([0, 0], (7,)) == [(0,) * 7]
    assert place_tokens([3, 5], (7,)) == []  # 5 is no sum of 3: the row is not a row with lost blanks


def test_spaced_row_that_lost_blank_cells_keeps_its_total_and_the_cells_every_placement_agrees_on():
    reading = read_tokens(
        ["1", "/", "无", "1", "1", "无", "2", "3", "/", "/", "-", "无"], 15, reliable=False, groups=(5, 5, 5)
    )
    assert reading.values == [None, None, 0, 0, 1, None, None, None, None, 3, 0, 0, 0, 0, 0]
    assert read_tokens(["4", "无", "-", "/", "-", "4"], 7, reliable=False).values == [
        None,
        None,
        0,
        0,
        0,
        0,
        4,
    ]


def test_a_running_title_with_its_year_is_a_sentence_but_a_row_beside_a_label_is_not():
    assert is_sentence("石桥县教育局2019年政府信息公开工作年度报告")
    assert not is_sentence("0 0 0 0 0 0 0 三,本年度办理结果")
    assert not is_sentence("他情形) 3件 0 0 0 0 0 3")


def test_page_break_inside_section3_leaves_the_running_title_year_out_of_the_rows(tmp_path):
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收政府信息公开申请数量",
        "5 1 0 0 0 0 6",
        "二、上年结转政府信息公开申请数量",
        "0 0 0 0 0 0 0",
        "— 3 —",
        "示例县人民政府2020年政府信息公开工作年度报告",
        "三、本年度办理结果 （一）予以公开",
        "5 1 0 0 0 0 6",
        "（七）总计",
        "5 1 0 0 0 0 6",
        "四、结转下年度继续办理",
        "0 0 0 0 0 0 0",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ]
    path = tmp_path / "page_break.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    facts, _ = extract_standard(read_document(path), "std2019")
    got = {f.metric_id: f.value for f in facts if f.column == "total"}
    assert got["requests_carried_over"] == 0 and got["outcome_granted"] == 6


def test_section4_one_cell_per_line_keeps_blank_marks_and_stops_at_the_next_heading(tmp_path):
    cells = ["1", "/", "/", "1", "—", "/", "无", "无", "1", "—", "—", "1"]  # three blank cells lost
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量",
        "0 0 0 0 0 0 0",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        *cells,
        "五、存在的主要问题及改进情况",
        "2021年,我们将进一步完善制度。",
    ]
    path = tmp_path / "section4.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    facts, _ = extract_standard(read_document(path), "std2021")
    got = {f.metric_id: f.value for f in facts}
    assert got["review_total"] == 1 and got["lit_after_review_total"] == 1 and got["lit_direct_total"] == 0
    assert "review_upheld" not in got and "lit_after_review_upheld" not in got  # 维持 or 纠正: either fits


def section2_text(tmp_path, fee_header: str, fee_row: str):
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（六）项 | |||",
        "信息内容 | 本年处理决定数量 | ||",
        "行政处罚 | 7 | ||",
        "第二十条第（八）项 | |||",
        fee_header,
        fee_row,
        "三、收到和处理政府信息公开申请情况",
    ]
    path = tmp_path / "section2.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return extract_standard(read_document(path), "std2021")


def test_section2_row_without_the_headers_blank_padding_cells_is_still_read(tmp_path):
    facts, flags = section2_text(
        tmp_path, "信息内容 | 本年收费金额（单位：万元） | ||", "行政事业性收费 | 1.5 |"
    )
    got = {f.metric_id: f.value for f in facts}
    assert got["fees_collected_10k_yuan"] == 1.5 and got["penalty_decisions"] == 7
    assert flags == []


def test_section2_row_with_a_blank_padding_cell_the_header_lacks_is_still_read(tmp_path):
    # A scan's grid may find a column more in the row than in its header ('行政事业性收费 | 1.5 | ').
    facts, flags = section2_text(
        tmp_path, "信息内容 | 本年收费金额（单位：万元）", "行政事业性收费 | 1.5 | |"
    )
    assert {f.metric_id: f.value for f in facts}["fees_collected_10k_yuan"] == 1.5
    assert flags == []


def test_section2_row_short_of_a_named_header_column_stays_out(tmp_path):
    facts, flags = section2_text(tmp_path, "信息内容 | 上一年项目数量 | 本年增/减 |", "行政事业性收费 | 3 |")
    got = {f.metric_id for f in facts}
    assert not got & {"fees_items_last_year", "fees_items_change"}
    assert [f.code for f in flags] == ["ambiguous_row"]


def test_a_cell_ocr_could_not_read_keeps_its_place_in_a_row_of_figures_and_its_figure_unknown():
    # Dropped, the row of zeros would close up over the unread 1 and its total and read all zeros.
    cells = pipe_cells("| 2.没有现成信息需要另行制作 | ? | 0 | 0 | 0 | 0 | 0 | ? |", label_line=True)
    assert read_cells(cells, (7,)).values == [None, 0, 0, 0, 0, 0, None]


def test_a_heading_ocr_could_not_read_is_no_cell_of_figures():
    assert pipe_cells("| ? | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", label_line=False) is None


def test_a_source_squeezes_out_every_whitespace_character_and_quote_and_maps_back_to_the_text():
    text = 'A\u3000危及"三\t安全一稳定"\u2028B\xa0C\u200aD 总|计 (七)\u205f总计\n'
    src = make_source("text", text)
    assert src.squeezed == UNMATCHED.sub("", src.norm.replace("总|计", "总 计"))
    assert "".join(src.norm[i] for i in src.offsets) == src.squeezed
    assert src.norm_at(len(src.squeezed)) == len(src.norm)


def test_no_character_beyond_the_squeeze_tables_last_code_point_is_whitespace():
    # make_source looks characters up in a table that ends at LAST_UNMATCHED.
    assert not [c for c in range(LAST_UNMATCHED + 1, sys.maxunicode + 1) if UNMATCHED.fullmatch(chr(c))]


def test_a_section2_table_split_in_two_is_read_whole_and_its_text_raises_nothing_about_section3(
    std2019_grid,
):
    # The grids of a section 二 table split before its 行政许可 row cannot place that half's columns,
    # so the page's text is read for section 二 again; sections 三 and 四, whose tables were read
    # whole, are not read again from a text that renders them less surely.
    page = (FIXTURES / "std2019_grid.html").read_text(encoding="utf-8")
    split = page.replace(
        "<tr><td>行政许可</td>", '</table><p>续表</p><table border="1"><tr><td>行政许可</td>'
    )
    facts, flags = extract_standard(read_bytes("split.html", split.encode()), "std2019")
    assert cells(facts) == cells(std2019_grid[0])
    assert not [f for f in flags if "section 二" not in f.message]
