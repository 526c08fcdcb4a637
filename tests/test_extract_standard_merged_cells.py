"""Markdown tables whose cells a PDF-to-Markdown tool ran together (`| 4 0 |`): a cell's place no
longer says its column, so its row's numbers are read in their printed order, never by position."""

from __future__ import annotations

import re
from pathlib import Path

from metrics.extract import extract_file

FIXTURE = Path(__file__).parent / "fixtures" / "standard" / "pipe_rows_std2021.txt"


def _facts(path: Path) -> dict[tuple[str, str], float]:
    return {(f.metric_id, f.column): f.value for f in extract_file(str(path)).facts}


def _variant_file(tmp_path: Path, old: str, new: str) -> Path:
    """The fixture with `old` printed as `new`."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "report.md"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _variant(tmp_path: Path, old: str, new: str) -> dict[tuple[str, str], float]:
    return _facts(_variant_file(tmp_path, old, new))


def _wrong(read: dict, printed: dict, metric_prefix: str) -> dict:
    return {k: v for k, v in read.items() if k[0].startswith(metric_prefix) and printed.get(k) != v}


def test_a_section3_row_with_cells_run_together_keeps_no_figure_in_a_wrong_column(tmp_path):
    printed = _facts(FIXTURE)
    # Blank label columns before the numbers, and two pairs of cells run together.
    read = _variant(
        tmp_path,
        "| 一、本年新收政府信息公开申请数量 | 21 | 4 | 0 | 0 | 1 | 1 | 27 |",
        "| 一、本年新收政府信息公开申请数量 |  |  |  | 21 | 4 0 | 0 | 1 1 | 27 |",
    )
    assert _wrong(read, printed, "requests_new") == {}
    assert read[("requests_new", "total")] == 27


def test_a_section4_row_with_cells_run_together_is_read_in_printed_order(tmp_path):
    printed = _facts(FIXTURE)
    section4 = re.search(r"### 行政复议.*?(?=\n\n五)", FIXTURE.read_text(encoding="utf-8"), re.S).group()
    # The fifteen cells 1 0 0 1 2 | 0 0 0 0 0 | 1 0 0 0 1 on one row, some cells run together.
    read = _variant(tmp_path, section4, "| 1 0 | 0 1 | 2 0 | 0 0 | 0 0 | 1 0 | 0 0 | 1 |")
    assert _wrong(read, printed, "review_") == {} and _wrong(read, printed, "lit_") == {}
    assert read[("review_total", "total")] == 2
    assert read[("lit_after_review_upheld", "total")] == 1


def test_rows_whose_numbers_stand_above_their_labels_are_not_given_the_next_rows_numbers(tmp_path):
    """PDF-to-Markdown text that sets a wrapped label's numbers above it, a table rule between them:
    the numbers after such a label are the next row's, so only rows with numbers on their own line
    are read."""
    printed = _facts(FIXTURE)
    read = _variant(
        tmp_path,
        "| 一、本年新收政府信息公开申请数量 | 21 | 4 | 0 | 0 | 1 | 1 | 27 |\n"
        "| 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n",
        "|  | 21 | 4 | 0 | 0 | 1 | 1 | 27 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "一、本年新收政府信息公开\n申请数量\n"
        "|  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "二、上年结转政府信息公开\n申请数量\n",
    )
    assert _wrong(read, printed, "requests_") == {} and _wrong(read, printed, "outcome_") == {}
    assert read[("outcome_granted", "total")] == 13  # a row printed on its label's line


def test_a_section2_header_that_lost_a_column_name_outside_the_table_gives_no_figure_a_wrong_name(tmp_path):
    # 本年废止件数 printed above the Markdown table, its cell left blank in the header row: the names
    # in the header no longer stand over their figures.
    read = _variant(
        tmp_path,
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n",
        "本年废止件\n| 信息内容 | 本年制发件数 | 现行有效件数 |  |\n|---|---|---|---|\n数\n",
    )
    printed = _facts(FIXTURE)
    assert _wrong(read, printed, "normative_") == {} and _wrong(read, printed, "rules_") == {}


def test_a_section2_header_spanning_two_cells_still_gives_its_rows_figures(tmp_path):
    read = _variant(
        tmp_path,
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n",
        "| 信息内容 | 本年制发件数 | 本年废止件数 |  | 现行有效件数 |\n|---|---|---|---|---|\n| 规章 | 0 | 0 |  | 0 |\n",
    )
    assert read[("rules_in_force", "total")] == 0


def test_a_section2_cell_holding_two_figures_is_no_one_figure(tmp_path):
    # pymupdf4llm joins two cells with a line break: `3<br>1` is 3 and 1, never 31.
    read = _variant(
        tmp_path,
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n"
        "| 行政规范性文件 | 3 | 1 | 18 |\n",
        "| 信息内容 | 本年制发件数<br>本年废止件数 | 现行有效件数 |\n|---|---|---|\n| 规章 | 0<br>0 | 0 |\n"
        "| 行政规范性文件 | 3<br>1 | 18 |\n",
    )
    assert _wrong(read, _facts(FIXTURE), "normative_") == {}
    assert read[("normative_in_force", "total")] == 18


def test_a_section2_unit_set_in_a_header_cell_of_its_own_converts_the_figure(tmp_path):
    read = _variant(
        tmp_path,
        "| 信息内容 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | 0.35 |\n",
        "| 信息内容 | 本年收费金额 | （元） |\n|---|---|---|\n| 行政事业性收费 | 3500 |  |\n",
    )
    assert read[("fees_collected_10k_yuan", "total")] == 0.35


def test_a_label_split_between_two_cells_still_names_its_row(tmp_path):
    # pymupdf4llm sets a cell border inside a label: `|（七）总|计|…`, `|四、结转下年度|继续办理|…`.
    path = _variant_file(
        tmp_path,
        "| 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "| 四、结转下年度|继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
    )
    forward = [f for f in extract_file(str(path)).facts if f.metric_id == "requests_carried_forward"]
    # Read from its own row, not worked out from the other rows by the table's identities.
    assert [(f.column, f.value) for f in forward if "继续办理" in f.evidence][-1] == ("total", 2)


def test_a_label_going_on_in_the_row_below_takes_that_rows_numbers(tmp_path):
    # The label's own row has every cell empty; its numbers stand in the row below, where the label
    # goes on. The empty row is no row printed blank.
    read = _variant(
        tmp_path,
        "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
        "| （二）部分公开（区分处理 |  |  |  |  |  |  |  |\n|  的，只计这一情形，不计其他情形） | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
    )
    assert read[("outcome_partial", "total")] == 3


def test_a_cell_printing_a_leading_zero_is_cells_run_together_and_keeps_no_figure_in_a_wrong_column(tmp_path):
    """Chromium's print of a narrow table, read back as PDF text, runs two cells of 0 into one `00`:
    the row then has a cell too few, and read by place its 总计 would land in 其他."""
    printed = _facts(FIXTURE)
    read = _variant(
        tmp_path,
        "| 一、本年新收政府信息公开申请数量 | 21 | 4 | 0 | 0 | 1 | 1 | 27 |",
        "| 一、本年新收政府信息公开申请数量 | 21 | 4 | 00 | 1 | 1 | 27 | |",
    )
    assert _wrong(read, printed, "requests_new") == {}
    assert read[("requests_new", "total")] == 27


def test_a_row_label_inside_a_note_cut_off_by_a_page_break_names_no_row(tmp_path):
    """A page break inside a long label cuts its bracketed note before it closes: the 规范性文件 the
    note of the row after names (其他主动公开文件(含…除规范性文件以外的…) is no row of its own."""
    read = _variant(
        tmp_path,
        "| 行政规范性文件 | 3 | 1 | 18 |",
        "| 行政规范性文件 | 3 | 1 | 18 |\n| 其他主动公开文件(含以本单位名义正式签发的、除规范性文件以外的主动 | 186 | 86 | 255 |",
    )
    assert (read[("normative_issued", "total")], read[("normative_in_force", "total")]) == (3, 18)
