"""Every reader refuses, quickly and with a reason, a small file that would expand without bound."""

import io
import sys
import time
import zipfile

import hostile
import pytest

from metrics.readers import ReadError, budgets, read_document


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(path)


@pytest.mark.parametrize("attribute", ["gridSpan", "gridBefore"])
def test_a_1_kb_word_table_spanning_a_billion_columns_is_refused_with_a_reason(tmp_path, attribute):
    data = hostile.docx_huge_span(attribute)
    assert len(data) < 2048
    with pytest.raises(ReadError, match="grid cells"):
        _read(tmp_path, "span.docx", data)


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    data = hostile.docx_zip_bomb(megabytes=budgets.UNPACKED_BYTES // budgets.MB + 10)
    started = time.monotonic()
    with pytest.raises(ReadError, match="zip bomb"):
        _read(tmp_path, "bomb.docx", data)
    assert time.monotonic() - started < 2


def test_a_word_zip_bomb_whose_header_understates_its_size_is_refused_as_damaged(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "UNPACKED_BYTES", 20 * budgets.MB)
    data = hostile.docx_zip_bomb(megabytes=30)
    # The big part's size, in the local header (zip64, 8 bytes) and the central directory (4 bytes).
    real = next(m.file_size for m in zipfile.ZipFile(io.BytesIO(data)).infolist() if m.file_size > budgets.MB)
    for width in (8, 4):
        data = data.replace(real.to_bytes(width, "little"), (1000).to_bytes(width, "little"))
    with pytest.raises(ReadError, match="damaged"):
        _read(tmp_path, "liar.docx", data)


def test_an_html_table_of_huge_rowspans_and_colspans_is_refused_with_a_reason(tmp_path):
    data = hostile.html_span_table(cells=400, span=200)
    assert len(data) < 20_000
    with pytest.raises(ReadError, match="grid cells"):
        _read(tmp_path, "spans.html", data)


def test_html_nested_300_levels_deep_keeps_its_text(tmp_path):
    doc = _read(tmp_path, "deep.html", hostile.html_deep(300))
    assert hostile.TITLE in doc.text and "12 件" in doc.text


def test_html_nested_beyond_what_the_parser_reads_is_refused_with_a_reason(tmp_path):
    with pytest.raises(ReadError, match="levels deep"):
        _read(tmp_path, "deeper.html", hostile.html_deep(budgets.HTML_DEPTH + 100))


def test_a_pdf_page_of_too_many_ruled_lines_is_refused_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "PDF_PAGE_DRAWINGS", 1000)
    with pytest.raises(ReadError, match="page 1 draws 2,000 lines"):
        _read(tmp_path, "ruled.pdf", hostile.pdf_ruled(2000))


# Under load the page's first timer signal may land in a weakref callback the garbage collector runs,
# where Python can only report it (as the test below shows on purpose); the signal that comes again
# stops the page, and the report is no failure of it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_pdf_page_that_takes_longer_than_its_budget_is_stopped_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "PDF_PAGE_SECONDS", 0.3)
    # Only the clock may stop this page: on a loaded machine its drawings' count came first.
    monkeypatch.setattr(budgets, "PDF_PAGE_DRAWINGS", 10**7)
    data = hostile.pdf_ruled(100_000)  # about 20 s to parse
    assert len(data) < 20_000
    started = time.monotonic()
    with pytest.raises(ReadError, match="page 1 takes more than 0.3 s"):
        _read(tmp_path, "slow.pdf", data)
    assert time.monotonic() - started < 2


def test_a_pdf_with_more_pages_than_the_budget_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "PDF_PAGES", 0)
    with pytest.raises(ReadError, match="1 pages, more than the 0"):
        _read(tmp_path, "pages.pdf", hostile.pdf_ruled(1))


def test_text_beyond_the_budget_is_refused_before_tables_are_sought_in_it(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "TEXT_CHARACTERS", 1000)
    with pytest.raises(ReadError, match="characters long"):
        _read(tmp_path, "long.txt", ("| 1 | 2 |\n" * 200).encode())


class SlowToDrop:
    def __del__(self):  # the limit falls due in here, where an exception is printed, not raised
        busy_until = time.monotonic() + 0.3
        while time.monotonic() < busy_until:
            pass


class FailsToDrop:
    def __del__(self):
        raise ValueError("a library's own error while dropping")


def test_a_time_limit_holds_when_its_first_signal_lands_where_python_can_only_print_it():
    started = time.monotonic()
    with pytest.raises(budgets.ReadError, match="too slow"):
        with budgets.time_limit(0.1, "too slow"):
            SlowToDrop()
            while time.monotonic() - started < 5:
                pass
    assert time.monotonic() - started < 1.5


def test_a_time_limit_hands_on_other_unprintable_errors_but_not_its_own_signal(monkeypatch):
    reported = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: reported.append(unraisable.exc_type))
    with pytest.raises(budgets.ReadError, match="too slow"):
        with budgets.time_limit(0.1, "too slow"):
            FailsToDrop()
            SlowToDrop()
            time.sleep(5)
    assert reported == [ValueError]
    assert sys.unraisablehook.__name__ == "<lambda>"  # restored when the block ends
