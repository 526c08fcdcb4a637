"""The 政府信息公开情况统计表 of the 2015-2018 reports: HTML grids, flattened text, units, label variants."""

from pathlib import Path

import pytest

from metrics.extract import extract_file
from metrics.extract.legacy_table import extract_legacy_table, match_row, parse_value
from metrics.models import Document, Metadata, OcrRead, Table
from metrics.readers import read_document
from metrics.templates import LEGACY_ROWS, core_label

FIXTURES = Path(__file__).parent / "fixtures" / "legacy"

# What tests/fixtures/legacy/table_2016.html prints, row by row.
HTML_TABLE_VALUES = {
    "proactive_items": 1236,
    "proactive_normative_docs": 12,
    "normative_docs_issued": 15,
    "proactive_via_gazette": 20,
    "proactive_via_website": 1100,
    "proactive_via_weibo": 300,
    "proactive_via_wechat": 250,
    "proactive_via_other": 40,
    "responses_hot_topics": 8,
    "press_conferences": 6,
    "press_conferences_head": 2,
    "online_interviews": 4,
    "online_interviews_head": 1,
    "policy_interpretations": 15,
    "weibo_wechat_responses": 10,
    "other_responses": 3,
    "requests_new": 25,
    "requests_in_person": 10,
    "requests_fax": 0,
    "requests_online": 12,
    "requests_letter": 3,
    "requests_email": 0,
    "requests_closed": 24,
    "requests_closed_on_time": 23,
    "requests_closed_extended": 1,
    "outcome_total": 24,
    "outcome_already_public": 5,
    "outcome_granted": 10,
    "outcome_partial": 2,
    "outcome_denied": 3,
    "denied_state_secret": 1,
    "denied_commercial_secret": 0,
    "denied_privacy": 1,
    "denied_security_stability": 0,
    "denied_not_gov_info": 1,
    "denied_other_legal": 0,
    "outcome_not_this_agency": 2,
    "unable_not_held": 1,
    "outcome_told_to_amend": 1,
    "outcome_other_channel": 0,
    "review_total": 2,
    "review_upheld": 1,
    "review_corrected": 0,
    "review_other": 1,
    "litigation_total": 1,
    "litigation_upheld": 1,
    "litigation_corrected": 0,
    "litigation_other": 0,
    "complaints_total": 0,
    "complaints_upheld": 0,
    "complaints_corrected": 0,
    "complaints_other": 0,
    "request_fees_10k_yuan": 0,
    "disclosure_offices": 1,
    "reading_points": 3,
    "staff_total": 5,
    "staff_full_time": 2,
    "staff_part_time": 3,
    "disclosure_budget_10k_yuan": 12.5,
    "meetings": 4,
    "trainings": 2,
    "trainees": 120,
}


def values(doc: Document) -> dict[str, float]:
    facts, _ = extract_legacy_table(doc, Metadata())
    return {f.metric_id: f.value for f in facts}


def test_fixture_covers_every_declared_row():
    assert set(HTML_TABLE_VALUES) == {r.metric_id for r in LEGACY_ROWS}


def test_html_table_gives_every_row():
    doc = read_document(FIXTURES / "table_2016.html")
    assert doc.tables, "the HTML reader should find the table"
    assert values(doc) == HTML_TABLE_VALUES


def test_flattened_text_of_the_same_table_gives_every_row():
    doc = read_document(FIXTURES / "table_2016.html")
    text_only = Document(path=doc.path, text=doc.text)
    assert "|" in text_only.text
    assert values(text_only) == HTML_TABLE_VALUES


def test_evidence_shows_the_printed_row():
    facts, _ = extract_legacy_table(read_document(FIXTURES / "table_2016.html"), Metadata())
    by_id = {f.metric_id: f for f in facts}
    assert by_id["outcome_denied"].evidence == "4．不同意公开答复数 | 件 | 3"


def test_label_unit_and_number_on_separate_lines_with_provincial_wording():
    doc = read_document(FIXTURES / "table_lines.txt")
    assert values(doc) == {
        "proactive_items": 640,
        "proactive_normative_docs": 6,
        "requests_new": 14,
        "requests_in_person": 4,
        "requests_online": 10,
        "outcome_total": 14,
        "outcome_granted": 9,
        "outcome_denied": 2,
        "unable_not_held": 3,
        "review_total": 1,
        "review_upheld": 1,
        "litigation_total": 0,
        "complaints_total": 2,
        "complaints_other": 2,
        "request_fees_10k_yuan": 0.15,
        "disclosure_budget_10k_yuan": 25.1,
        "trainees": 85,
    }


def test_money_printed_in_yuan_is_converted_and_the_note_says_so():
    facts, _ = extract_legacy_table(read_document(FIXTURES / "table_lines.txt"), Metadata())
    fees = next(f for f in facts if f.metric_id == "request_fees_10k_yuan")
    assert (fees.value, fees.note) == (0.15, "printed as 1500 元")


def test_rowspan_section_column_and_shared_labels_resolve_by_section():
    grid = [
        ["统计指标", "统计指标", "单位", "统计数"],
        ["四、行政复议数量", "四、行政复议数量", "件", "3"],
        ["四、行政复议数量", "（二）被依法纠错数", "件", "1"],
        ["五、行政诉讼数量", "五、行政诉讼数量", "件", "2"],
        ["五、行政诉讼数量", "（二）被依法纠错数", "件", "2"],
        ["六、举报投诉数量", "（三）其他情形数", "件", "4"],
    ]
    doc = Document(path="t.html", text="", tables=[Table(rows=grid, where="table 1")])
    assert values(doc) == {
        "review_total": 3,
        "review_corrected": 1,
        "litigation_total": 2,
        "litigation_corrected": 2,
        "complaints_other": 4,
    }


def test_value_column_is_found_by_its_header_when_other_columns_hold_numbers():
    grid = [
        ["统计指标", "单位", "统计数", "上年数"],
        ["（一）收到申请数", "件", "7", "5"],
        ["（三）申请答复数", "件", "6", "5"],
    ]
    doc = Document(path="t.html", text="", tables=[Table(rows=grid, where="table 1")])
    assert values(doc) == {"requests_new": 7, "outcome_total": 6}


def test_values_with_units_and_notes_inside_cells():
    text = (
        "政府信息公开情况统计表\n（一）主动公开政府信息数 | 条 | 22(其中修订16件)\n"
        "（一）收到申请数 | | 3件\n七、依申请公开信息收取的费用 | | 12.5万元\n"
    )
    assert values(Document(path="t.txt", text=text)) == {
        "proactive_items": 22,
        "requests_new": 3,
        "request_fees_10k_yuan": 12.5,
    }


def test_a_count_row_given_in_money_is_flagged_not_kept():
    text = "政府信息公开情况统计表\n（一）收到申请数 | 元 | 300\n"
    facts, flags = extract_legacy_table(Document(path="t.txt", text=text), Metadata())
    assert facts == []
    assert [(f.code, f.metric_id) for f in flags] == [("unit_mismatch", "requests_new")]


def test_one_row_printed_twice_with_different_values_is_dropped_and_flagged():
    text = "政府信息公开情况统计表\n（一）收到申请数 | 件 | 5\n（一）收到申请数 | 件 | 6\n（三）申请答复数 | 件 | 5\n"
    facts, flags = extract_legacy_table(Document(path="t.txt", text=text), Metadata())
    assert {f.metric_id: f.value for f in facts} == {"outcome_total": 5}
    assert [(f.code, f.metric_id) for f in flags] == [("ambiguous_row", "requests_new")]


def test_prose_without_a_table_gives_nothing():
    text = "2016年,我局主动公开政府信息1236条。全年收到申请25件。\n收到申请数 5\n"
    assert values(Document(path="t.txt", text=text)) == {}


def test_a_label_followed_by_unrecognised_text_does_not_take_a_later_number():
    text = "政府信息公开情况统计表\n（一）收到申请数\n件\n说明:本表数据截至12月31日\n15\n"
    assert values(Document(path="t.txt", text=text)) == {}


@pytest.mark.parametrize(
    ("label", "core"),
    [
        ("（四）其中：不同意公开答复数（件）", "不同意公开答复"),
        ("1．专职人员数（不包括政府公报及政府网站工作人员数）", "专职人员"),
        ("一、主动公开情况", "主动公开情况"),
        ("  3、 网络申请数 ", "网络申请"),
        ("其中:主动公开规范性文件数", "主动公开规范性文件"),
        ("4.1信函申请数", "信函申请"),  # two-level numbering (or OCR's reading of '4．')
        ("3.政1务微博公开政府信息数", "政务微博公开政府信息"),  # a speck OCR read as a digit
        ("12345热线来电数", "12345热线来电"),  # a number that is part of the label stays
    ],
)
def test_core_label_strips_numbering_qizhong_notes_and_count_suffix(label, core):
    assert core_label(label) == core


@pytest.mark.parametrize(
    ("label", "section", "metric_id"),
    [
        ("收到申请总数", "三", "requests_new"),
        ("网上申请数", "三", "requests_online"),
        ("不予公开数", "三", "outcome_denied"),
        ("信息不存在数", "三", "unable_not_held"),
        ("不属于本机关公开数", "三", "outcome_not_this_agency"),
        ("危及国家安全、公共安全、经济安全和社会稳定", "三", "denied_security_stability"),
        ("其他情形数", "五", "litigation_other"),
        ("被纠错数", "六", "complaints_corrected"),
    ],
)
def test_label_variants_between_provinces(label, section, metric_id):
    row = match_row(label, section)
    assert row is not None and row.metric_id == metric_id


def test_a_long_label_ocr_misread_by_one_character_names_its_row_only_in_a_scan():
    misread = "（一）政府信息公开工作专内机构数"  # 专门 read as 专内
    ocr_doc = Document(path="scan.pdf", text="", tables=[Table([[misread, "个", "1"]], "page 1, table 1")])
    ocr_doc.ocr = [OcrRead(page=1, text=misread)]
    text_doc = Document(path="page.txt", text="", tables=[Table([[misread, "个", "1"]], "table 1")])
    assert values(ocr_doc) == {"disclosure_offices": 1}
    assert values(text_doc) == {}


def test_a_misread_label_as_close_to_two_rows_names_neither():
    # 政务微博 and 政务微信 differ in one character: a third reading of it is neither.
    assert match_row("政务微傅公开政府信息数", "一", misread=True) is None
    assert match_row("政务微博公开政府信息数", "一", misread=True).metric_id == "proactive_via_weibo"
    # Two wordings of one row are one answer.
    assert match_row("危及国家安全公共安全经济安全与社会稳定", "三", misread=True).metric_id == (
        "denied_security_stability"
    )


def test_shared_label_outside_any_known_section_matches_nothing():
    assert match_row("其他情形数", "") is None


@pytest.mark.parametrize(
    ("cell", "number", "unit"),
    [
        ("1,236", 1236, ""),
        ("3件", 3, "件"),
        ("251000元", 251000, "元"),
        ("—", 0, ""),
        ("/", 0, ""),
        ("无", 0, ""),
    ],
)
def test_cell_values(cell, number, unit):
    value = parse_value(cell)
    assert value is not None and (value.number, value.unit) == (number, unit)


def test_blank_and_text_cells_hold_no_value():
    assert parse_value("") is None
    assert parse_value("统计数") is None


def test_page_footer_between_label_and_value_is_skipped():
    text = "政府信息公开情况统计表\n（一）收到申请数\n件\n— 5 —\n9\n"
    assert values(Document(path="t.txt", text=text)) == {"requests_new": 9}


def test_serial_number_column_of_a_blank_form_is_not_read_as_figures():
    text = (
        "政府信息公开情况统计表\n| 序号 | 统计指标 | 单位 | 统计数 |\n| 1 | 一、主动公开情况 | -- | |\n"
        "| 2 | 主动公开政府信息数 | 条 | |\n| 3 | 其中:主动公开规范性文件数 | 条 | |\n"
        "| 4 | 制发规范性文件总数 | 件 | |\n"
    )
    assert values(Document(path="t.txt", text=text)) == {}


def test_serial_number_column_leaves_the_printed_figures():
    text = (
        "政府信息公开情况统计表\n| 序号 | 统计指标 | 单位 | 统计数 |\n| 2 | 主动公开政府信息数 | 条 | 236 |\n"
        "| 3 | 其中:主动公开规范性文件数 | 条 | 12 |\n"
    )
    assert values(Document(path="t.txt", text=text)) == {
        "proactive_items": 236,
        "proactive_normative_docs": 12,
    }


def test_row_codes_of_a_statistical_form_are_not_figures():
    text = (
        "政府信息公开情况统计表\n指标名称\n| 计量单位\n| 代码\n| 本期实际\n主动公开信息数\n| 条\n| 01\n| 236\n申请总数\n| 件\n| 10\n|\n"
        "当面申请数\n| 件\n| 11\n| 3\n行政复议数\n| 件\n| 32\n|\n"
    )
    assert values(Document(path="t.txt", text=text)) == {"proactive_items": 236, "requests_in_person": 3}


def test_labels_wrapped_over_lines_of_a_narrow_column_still_name_their_rows():
    text = (
        "政府信息公开情况统计表\n其中:主动公开规范性文件\n数\n条\n9\n危及国家安全、公共安全、\n经济安全和社会稳定\n件\n0\n"
        "(一)维持具体行政行为或\n者驳回原告诉讼请求数\n件\n5\n"
    )
    assert values(Document(path="t.txt", text=text)) == {
        "proactive_normative_docs": 9,
        "denied_security_stability": 0,
        "litigation_upheld": 5,
    }


def test_a_label_ending_in_a_unit_character_is_not_cut_into_label_and_unit():
    text = "政府信息公开情况统计表\n其中:主动公开规范性文件 | 条 | 12\n"
    assert values(Document(path="t.txt", text=text)) == {"proactive_normative_docs": 12}


def test_year_column_is_read_beside_a_cumulative_column():
    table = Table(
        rows=[
            ["统计指标", "单位", "历年累计", "本年数"],
            ["主动公开政府信息数", "条", "3500", "120"],
            ["收到申请数", "件", "40", "6"],
        ],
        where="table 1",
    )
    facts, _ = extract_legacy_table(Document(path="t.html", text="", tables=[table]), Metadata())
    assert {f.metric_id: f.value for f in facts} == {"proactive_items": 120, "requests_new": 6}


@pytest.mark.parametrize(
    ("label", "metric_id"),
    [
        ("其中：政府网站公开数", "proactive_via_website"),
        ("其中：政府公报公开数", "proactive_via_gazette"),
        ("4.电子邮件申请数", "requests_email"),
        ("（四）否决公开答复数", "outcome_denied"),
    ],
)
def test_wordings_of_other_provinces_name_their_rows(label, metric_id):
    section = {"proactive_via_website": "一", "proactive_via_gazette": "一"}.get(metric_id, "三")
    assert match_row(label, section).metric_id == metric_id


def test_complaints_row_worded_as_administrative_appeals_and_reports():
    text = (
        "政府信息公开情况统计表\n统计指标 | 单位 | 统计数\n六、接受行政申诉、举报数 | 件 | 2\n"
        "1.维持具体行政行为数 | 件 | 2\n"
    )
    facts, _ = extract_legacy_table(Document(path="t.txt", text=text), Metadata())
    assert {f.metric_id: f.value for f in facts} == {"complaints_total": 2, "complaints_upheld": 2}


def test_combined_letter_and_fax_row_is_neither_channel():
    text = (
        "政府信息公开情况统计表\n统计指标 | 单位 | 统计数\n收到申请数 | 件 | 9\n1.当面申请数 | 件 | 4\n"
        "2.信函、传真申请数 | 件 | 3\n3.网络申请数 | 件 | 2\n"
    )
    facts, _ = extract_legacy_table(Document(path="t.txt", text=text), Metadata())
    assert {f.metric_id: f.value for f in facts} == {
        "requests_new": 9,
        "requests_in_person": 4,
        "requests_online": 2,
    }


def test_prose_that_differs_from_the_table_is_flagged_and_the_table_kept():
    from metrics.extract import extract_document

    text = (
        "云川县民政局2016年政府信息公开工作年度报告\n全年共受理政府信息公开申请7件。\n"
        "政府信息公开情况统计表\n统计指标 | 单位 | 统计数\n三、依申请公开情况 | |\n（一）收到申请数 | 件 | 6\n"
        "1.当面申请数 | 件 | 6\n"
    )
    ex = extract_document(Document(path="t.txt", text=text))
    assert ex.totals()["requests_new"] == 6
    assert [f.code for f in ex.flags if f.metric_id == "requests_new"] == ["text_vs_table"]


def _extracted(tmp_path, lines: list[str]) -> dict[str, float]:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return extract_file(str(path)).totals()


def test_an_older_statistics_table_one_cell_per_line_is_read_as_a_legacy_table(tmp_path):
    cells = ["指标名称", "代码", "计量单位", "本期实际", "本年累计"]
    cells += ["一、主动公开政府信息数", "01", "条", "86", "2450"]
    cells += ["申请总数", "02", "件", "7", "31", "其中：网上申请数", "03", "件", "4", "20"]
    cells += ["对申请的答复总数", "04", "件", "7", "31", "否决公开答复总数", "05", "件", "1", "2"]
    lines = ["某县2010年政府信息公开工作年度报告", "政府信息公开情况统计表", *(f"| {c}" for c in cells)]
    got = _extracted(tmp_path, lines)
    assert got == {
        "proactive_items": 86,
        "requests_new": 7,
        "requests_online": 4,
        "outcome_total": 7,
        "outcome_denied": 1,
    }


def test_the_years_figure_is_taken_where_a_cumulative_column_is_printed_before_it(tmp_path):
    lines = ["示例市2013年政府信息公开工作年度报告", "政府信息公开情况统计表"]
    lines += ["指标名称 | 历年累计 | 本期实际", "主动公开政府信息数 | 5400 | 120", "收到申请数 | 31 | 30"]
    assert _extracted(tmp_path, lines) == {"proactive_items": 120, "requests_new": 30}


def test_no_figure_is_taken_when_a_cumulative_column_stands_beside_one_no_header_names_the_years(tmp_path):
    lines = ["示例市2013年政府信息公开工作年度报告", "政府信息公开情况统计表"]
    lines += ["指标名称 | 历年累计 | 其他", "主动公开政府信息数 | 5400 | 120", "收到申请数 | 31 | 30"]
    assert _extracted(tmp_path, lines) == {}


def test_a_two_character_unit_wrapped_around_the_rows_number_goes_back_to_it():
    # PDF text of a table without rules: the narrow unit column wraps 人次 and 万元 over two lines,
    # the row's number on the line between, and a label's note wraps around its number too.
    text = "\n".join(
        [
            "政府信息公开情况统计表",
            "（二）设置政府信息公开查阅点数 个 3",
            "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面 万",
            "12.5",
            "的经费） 元",
            "（二）举办各类培训班数 次 2",
            "人",
            "（三）接受培训人员数 120",
            "次",
        ]
    )
    facts, _ = extract_legacy_table(Document(path="t.txt", text=text), Metadata())
    got = {f.metric_id: f for f in facts}
    assert got["trainees"].value == 120 and got["disclosure_budget_10k_yuan"].value == 12.5
    assert got["trainings"].value == 2
    assert "（三）接受培训人员数 120" in got["trainees"].evidence


def test_a_column_of_labels_printed_apart_from_its_column_of_numbers_gives_no_row_a_wrong_number():
    # PDF text read column by column: the labels, then the numbers. The first number (the meetings')
    # is not the last label's (the trainings').
    text = (
        "政府信息公开情况统计表\n九、政府信息公开会议和培训情况\n（一）召开政府信息公开工作会议或专题会议数\n"
        "（二）举办各类培训班数\n次 4\n次 2\n"
    )
    assert values(Document(path="t.txt", text=text)) == {}


def test_a_row_printed_after_a_blank_row_with_its_unit_between_still_takes_its_number():
    text = "政府信息公开情况统计表\n（一）召开政府信息公开工作会议或专题会议数\n次\n（二）举办各类培训班数\n次 2\n"
    assert values(Document(path="t.txt", text=text)) == {"trainings": 2}
