"""Section 三 rows that scraped text prints with no digits, or with fewer digits than cells: the
table's identities settle them when they force one value, and nothing is filled when they do not."""

from __future__ import annotations

import pytest

from metrics.extract.standard import extract_standard
from metrics.extract.standard.settle import fits_run
from metrics.readers import read_document

COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
)
HEADER = (
    "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计"
    "商业企业科研机构社会公益组织法律服务机构其他"
)
SECTION4 = (
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "000000000000000五、存在的主要问题及改进情况 无。"
)
# A std2021 table: 6 requests from natural persons (5) and a business (1), none carried over or forward.
ROWS = [
    ("一、本年新收政府信息公开申请数量", "5100006"),
    ("二、上年结转政府信息公开申请数量", "0000000"),
    ("三、本年度办理结果（一）予以公开", "3100004"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0000000"),
    ("（三）不予公开1.属于国家秘密", "0000000"),
    ("2.其他法律行政法规禁止公开", "0000000"),
    ("3.危及“三安全一稳定”", "0000000"),
    ("4.保护第三方合法权益", "0000000"),
    ("5.属于三类内部事务信息", "0000000"),
    ("6.属于四类过程性信息", "0000000"),
    ("7.属于行政执法案卷", "0000000"),
    ("8.属于行政查询事项", "0000000"),
    ("（四）无法提供1.本机关不掌握相关政府信息", "1000001"),
    ("2.没有现成信息需要另行制作", "0000000"),
    ("3.补正后申请内容仍不明确", "0000000"),
    ("（五）不予处理1.信访举报投诉类申请", "0000000"),
    ("2.重复申请", "0000000"),
    ("3.要求提供公开出版物", "0000000"),
    ("4.无正当理由大量反复申请", "0000000"),
    ("5.要求行政机关确认或重新出具已获取信息", "0000000"),
    ("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1000001"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ""),
    ("3.其他", ""),
    ("（七）总计", "5100006"),
    ("四、结转下年度继续办理", "0000000"),
]


def extract_rows(tmp_path, rows, between: str = " "):
    """The table as scraped text: each label, then `between`, then its run of digits."""
    text = "标题：示例县人民政府2022年政府信息公开工作年度报告\n" + HEADER
    text += "".join(f"{label}{between}{run} " for label, run in rows) + SECTION4
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    facts, flags = extract_standard(read_document(path), "std2021")
    return {(f.metric_id, f.column): f for f in facts}, flags


def replaced(**runs: str):
    """ROWS with the runs of the rows whose label ends with the given key words changed."""
    words = {
        "carried_forward": "结转下年度继续办理",
        "total": "（七）总计",
        "requests_new": "本年新收政府信息公开申请数量",
    }
    return [
        (label, next((run_ for key, run_ in runs.items() if label.endswith(words[key])), run))
        for label, run in ROWS
    ]


def row(facts, metric):
    return [facts[(metric, c)].value if (metric, c) in facts else None for c in COLUMNS]


def test_other_handling_sub_rows_printed_with_no_digits_are_zero_by_the_sub_row_identity(tmp_path):
    facts, flags = extract_rows(tmp_path, ROWS)
    for metric in ("other_unpaid_fee", "other_misc"):
        assert row(facts, metric) == [0] * 7
        fact = facts[(metric, "total")]
        assert fact.derived and "其分项之和" in fact.note
        decided = [f for f in flags if f.metric_id == metric]
        assert [(f.code, f.severity) for f in decided] == [("ambiguous_row", "info")]
        assert "no number printed" in decided[0].message
    assert row(facts, "outcome_other") == [1, 0, 0, 0, 0, 0, 1]  # the sum of its sub-rows, now all known


def test_printed_numbers_of_a_table_with_blank_rows_are_kept_as_printed(tmp_path):
    facts, _ = extract_rows(tmp_path, ROWS)
    assert row(facts, "other_no_correction") == [1, 0, 0, 0, 0, 0, 1]
    assert not facts[("other_no_correction", "total")].derived
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]


def test_carried_forward_row_with_six_zeros_for_seven_cells_is_zero_by_the_balance_identity(tmp_path):
    facts, flags = extract_rows(tmp_path, replaced(carried_forward="000000"))
    assert row(facts, "requests_carried_forward") == [0] * 7
    fact = facts[("requests_carried_forward", "commercial")]
    assert fact.derived and "结转下年度" in fact.note and "'000000'" in fact.evidence
    decided = [f for f in flags if f.metric_id == "requests_carried_forward"]
    assert [(f.code, f.severity) for f in decided] == [("ambiguous_row", "info")]


def test_short_run_is_not_filled_when_the_identities_leave_it_open(tmp_path):
    # Both sides of 一 + 二 = (七) + 四 lost a blank cell: any count could sit in either row.
    facts, flags = extract_rows(tmp_path, replaced(requests_new="510006", carried_forward="000000"))
    assert row(facts, "requests_new") == [None] * 7
    assert row(facts, "requests_carried_forward") == [None] * 7
    warned = [f for f in flags if f.metric_id in ("requests_new", "requests_carried_forward")]
    assert [(f.code, f.severity) for f in warned] == [("ambiguous_row", "warning")] * 2


def test_cells_of_blank_rows_the_identities_leave_open_are_not_filled_and_the_rows_flagged(tmp_path):
    # (七) counts one more request from a natural person than the printed rows: it must sit in
    # sub-row 2 or 3 of (六), and the identities cannot say which.
    facts, flags = extract_rows(tmp_path, replaced(total="6100007", requests_new="6100007"))
    for metric in ("other_unpaid_fee", "other_misc"):
        assert row(facts, metric) == [None, 0, 0, 0, 0, 0, None]  # the columns with no request are settled
        warned = [f for f in flags if f.metric_id == metric]
        assert [(f.code, f.severity) for f in warned] == [("ambiguous_row", "warning")]
        assert "?|0|0|0|0|0|?" in warned[0].message
    assert row(facts, "outcome_other")[0] is None and row(facts, "outcome_other")[6] is None


def test_identities_never_override_a_printed_digit(tmp_path):
    # "100000" cannot be 0|0|0|0|0|0|0, which is what the balance identity asks of the row.
    facts, flags = extract_rows(tmp_path, replaced(carried_forward="100000"))
    assert row(facts, "requests_carried_forward") == [None] * 7
    assert any(f.metric_id == "requests_carried_forward" and f.severity == "warning" for f in flags)


def test_label_without_numbers_below_it_is_a_blank_row_settled_by_the_identities(tmp_path):
    # Each row's numbers on the line below its label; the last label has none: a row printed blank.
    facts, flags = extract_rows(tmp_path, replaced(carried_forward=""), between="\n")
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]
    assert row(facts, "requests_carried_forward") == [0] * 7
    settled = [f for f in flags if f.metric_id == "requests_carried_forward"]
    assert [(f.code, f.severity) for f in settled] == [("ambiguous_row", "info")]


@pytest.mark.parametrize(
    ("values", "run", "fits"),
    [
        ([0, 0, 0, 0, 0, 0, 0], "000000", True),  # one blank cell lost
        ([0, 0, 0, 0, 0, 0, 0], "", True),  # every cell blank
        ([0, 0, 0, 0, 0, 0, 0], "100000", False),
        ([12, 0, None, 0, 0, 0, 15], "12 0 3 15", True),
        ([12, 0, 0, 0, 0, 0, 15], "12 0 3 15", False),
        ([1, 2, 0, 0, 0, 0, 3], "12 3", True),  # cells run together
        ([12, 0, 0, 0, 0, 3, 15], "1 2 3 15", False),  # a space is a cell border
    ],
)
def test_a_row_fits_its_run_only_when_blank_cells_alone_are_missing(values, run, fits):
    assert fits_run(values, run) is fits
