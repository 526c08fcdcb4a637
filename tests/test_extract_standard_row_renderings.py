"""Section 三 as two real renderings print it: html2text's rows (cells joined by `|`, no outer
borders, a blank 总计 as trailing blanks) and PDF text whose wrapped labels put each row's numbers on
the line right below its label."""

from __future__ import annotations

from metrics.extract.standard import extract_standard
from metrics.readers import read_document
from tests.test_extract_standard_blank_rows import COLUMNS, HEADER, ROWS, SECTION4, row

TITLE = "标题：示例县人民政府2022年政府信息公开工作年度报告\n"


def extract_text(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(TITLE + text, encoding="utf-8")
    facts, flags = extract_standard(read_document(path), "std2021")
    return {(f.metric_id, f.column): f for f in facts}, flags


def html2text_row(label: str, run: str, blank_total: bool) -> str:
    """A row as html2text prints it from a table that leaves zeros blank: `label| 3| 1|  |    `."""
    cells = ["" if d == "0" else d for d in run] or [""] * len(COLUMNS)
    if blank_total:
        cells[-1] = ""
    return label + "".join(f"| {c}" for c in cells[:-1]) + f"| {cells[-1]}   \n"


def test_html2text_row_with_a_blank_total_keeps_its_trailing_blank_cell_as_the_total(tmp_path):
    # Outcome rows print their requester cells and leave 总计 blank, as some agencies' tables do.
    outcome = ("予以公开", "本机关不掌握相关政府信息", "逾期不补正、行政机关不再处理其政府信息公开申请")
    text = HEADER + "\n"
    for label, run in ROWS:
        text += html2text_row(label, run, blank_total=label.endswith(outcome))
    facts, _ = extract_text(tmp_path, text + SECTION4)
    assert row(facts, "outcome_granted")[:6] == [3, 1, 0, 0, 0, 0]
    assert row(facts, "unable_not_held")[:6] == [1, 0, 0, 0, 0, 0]
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]


def test_markdown_row_closing_border_is_no_blank_cell(tmp_path):
    text = HEADER + "\n"
    for label, run in ROWS:
        cells = list(run) or [""] * len(COLUMNS)
        text += f"| {label} | " + " | ".join(cells) + " |  \n"
    facts, flags = extract_text(tmp_path, text + SECTION4)
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]
    assert row(facts, "outcome_granted") == [3, 1, 0, 0, 0, 0, 4]
    assert not [f for f in flags if f.code == "ambiguous_row" and f.severity == "warning"]


def pdf_text(rows) -> str:
    """PDF text of a table whose label column is narrow: each label over two lines, its numbers on
    the line right below it."""
    text = HEADER + "\n"
    for label, run in rows:
        numbers = " ".join(run)
        text += f"{label}\n{numbers}\n" if numbers else f"{label}\n"
    return text + SECTION4


def test_pdf_rows_right_below_their_labels_are_kept_when_the_report_itself_does_not_add_up(tmp_path):
    # The report prints a 总计 of 4 beside requester cells adding up to 5 on the 予以公开 row.
    rows = [(label, "3200004" if label.endswith("予以公开") else run) for label, run in ROWS]
    facts, flags = extract_text(tmp_path, pdf_text(rows))
    assert row(facts, "outcome_granted") == [3, 2, 0, 0, 0, 0, 4]
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]
    # Kept as printed; validation flags the row that does not add up.
    assert not [f for f in flags if "apart from their labels" in f.message]


def test_pdf_rows_further_down_than_the_next_line_are_still_dropped_when_identities_break(tmp_path):
    # A line of words between a label and its numbers: the numbers may be another row's.
    rows = [(label, "3200004" if label.endswith("予以公开") else run) for label, run in ROWS]
    text = pdf_text(rows).replace("（一）予以公开\n", "（一）予以公开\n（注：含部分答复）\n")
    facts, flags = extract_text(tmp_path, text)
    assert row(facts, "outcome_granted") == [None] * 7
    assert any(f.code == "ambiguous_row" and "apart from their labels" in f.message for f in flags)


def one_cell_per_line(run: str) -> str:
    """Cells as BeautifulSoup's get_text("\\n") prints a table that leaves zeros blank: a blank
    cell's `&nbsp;` is a line holding only a no-break space."""
    return "".join(("\xa0" if d == "0" else d) + "\n" for d in run)


def test_one_cell_per_line_keeps_nbsp_lines_as_blank_cells_in_section_three_and_four(tmp_path):
    text = HEADER.replace("申请人情况", "\n申请人情况\n") + "\n"
    for label, run in ROWS:
        text += f"{label}\n{one_cell_per_line(run)}"
    text += "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n"
    # Review: 5 upheld, 2 pending, 7 in all; lawsuits: 8 upheld, 1 pending, 9 in all; none after review.
    text += one_cell_per_line("500278001900000") + "五、存在的主要问题及改进情况\n无。\n"
    facts, _ = extract_text(tmp_path, text)
    assert row(facts, "requests_new") == [5, 1, 0, 0, 0, 0, 6]
    assert row(facts, "outcome_granted") == [3, 1, 0, 0, 0, 0, 4]
    section4 = {m: facts[(m, "total")].value for m in ("review_upheld", "review_pending", "review_total")}
    assert section4 == {"review_upheld": 5, "review_pending": 2, "review_total": 7}
    assert facts[("lit_direct_total", "total")].value == 9
    assert facts[("lit_after_review_total", "total")].value == 0


def test_group_cell_piece_run_into_a_label_tail_is_dropped_and_the_label_rejoined(tmp_path):
    # PDF text of a narrow label column: the group cell (三)不予公开 is set beside its sub-rows, its
    # first piece on the line of the tail of 保护第三方合法权益 (`（三）不益`).
    text = pdf_text(ROWS)
    text = text.replace(
        "4.保护第三方合法权益\n0 0 0 0 0 0 0\n5.属于三类内部事务信息\n",
        "4.保护第三方合法权\n2 0 0 0 0 0 2\n（三）不益\n予公开 5.属于三类内部事务信息\n",
    )
    facts, _ = extract_text(tmp_path, text)
    assert row(facts, "denied_third_party") == [2, 0, 0, 0, 0, 0, 2]
    assert row(facts, "denied_internal_affairs") == [0] * 7


def test_wrapped_note_and_declared_label_tail_do_not_part_a_row_from_its_label(tmp_path):
    # PDF text: the note of 部分公开 and the tail of the 其他处理 sub-rows' labels wrap onto lines of
    # their own above the numbers; the report's own 予以公开 row does not add up, so only rows read
    # right below their labels are kept.
    rows = [(label, "3200004" if label.endswith("予以公开") else run) for label, run in ROWS]
    text = pdf_text(rows)
    text = text.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n",
        "（二）部分公开（区分处理的，\n只计这一情形，不计其他情形）\n",
    )
    text = text.replace(
        "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n",
        "（六）其他处理1.申请人无正当理由逾\n期不补正、行政机关不\n再处理其政府信息公开\n申请\n",
    )
    facts, flags = extract_text(tmp_path, text)
    assert row(facts, "outcome_partial") == [0] * 7
    assert row(facts, "other_no_correction") == [1, 0, 0, 0, 0, 0, 1]
    assert not [f for f in flags if "apart from their labels" in f.message]


def test_cells_run_into_their_label_as_textcontent_prints_them_give_no_wrong_figure(tmp_path):
    # A page's textContent (BeautifulSoup's get_text() with no separator) of a table that leaves its
    # zeros blank: each row's printed cells run together right after the label (`…政府信息11`), so a
    # run may be several cells, and which columns they were is lost.
    text = HEADER + "\n"
    for label, run in ROWS:
        text += label + run.replace("0", "") + "\n"
    facts, _ = extract_text(tmp_path, text + SECTION4)
    # The same table as html2text prints it, every cell in its place: the figures to agree with.
    cells = HEADER + "\n" + "".join(html2text_row(label, run, blank_total=False) for label, run in ROWS)
    truth, _ = extract_text(tmp_path, cells + SECTION4)
    assert row(truth, "requests_new") == [5, 1, 0, 0, 0, 0, 6]
    wrong = {
        k: (f.value, truth[k].value) for k, f in facts.items() if k in truth and f.value != truth[k].value
    }
    assert not wrong
    # What the runs leave certain is still read: the rows printed blank, all zeros.
    assert row(facts, "denied_state_secret") == [0] * 7
