"""Property-based fuzzing of every reader and the extractors: whatever the bytes, reading a file ends
within seconds in a Document or a ReadError (a failure the ingest log records), and extracting a
Document ends in an Extraction. Seeds are the project's own fixtures in every file type, mutated;
besides them random bytes, huge cells, deep nesting, millions of digits and control characters."""

from __future__ import annotations

import contextlib
import io
import random
import signal
import tempfile
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ofd_writer import pdf_to_ofd
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from metrics.extract import extract_document
from metrics.models import Document, Extraction
from metrics.models import Table as Grid
from metrics.readers import ReadError, read_document

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_SEEDS = sorted(FIXTURES.glob("*/*.txt"))
HTML_SEEDS = sorted(FIXTURES.glob("*/*.html"))
SEED_TEXT = (FIXTURES / "standard" / "pipe_rows_std2021.txt").read_text(encoding="utf-8")
# CPU seconds one example may take before it counts as a hang.
HANG_SECONDS = 20
FUZZ = settings(
    max_examples=25,
    deadline=None,  # a slow example is caught by the hang guard, not by timing noise
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same examples every run: a failure here is reproducible
)
# Examples that each build megabytes: fewer of them.
FUZZ_LARGE = settings(FUZZ, max_examples=6)


class Hang(BaseException):
    """An example that ran past HANG_SECONDS of CPU time."""


@contextlib.contextmanager
def no_hang():
    # A CPU-time timer: the PDF reader's own page budget uses the real-time timer (SIGALRM).
    def expire(signum, frame):
        raise Hang(f"still running after {HANG_SECONDS} s of CPU time")

    previous = signal.signal(signal.SIGVTALRM, expire)
    signal.setitimer(signal.ITIMER_VIRTUAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def read_and_extract(path: Path, content: bytes) -> Extraction | None:
    """The property: a Document or a ReadError, then an Extraction; anything else fails the test."""
    path.write_bytes(content)
    with no_hang():
        try:
            doc = read_document(path)
        except ReadError:
            return None
        return extract_document(doc)


def extract_within_budget(doc: Document) -> Extraction:
    with no_hang():
        return extract_document(doc)


def docx_seed() -> bytes:
    document = docx.Document()
    lines = [line for line in SEED_TEXT.splitlines() if line.strip()]
    for line in lines[:20]:
        document.add_paragraph(line)
    cells = [line.split("|") for line in lines if line.count("|") >= 3][:12]
    width = max(len(row) for row in cells)
    table = document.add_table(rows=len(cells), cols=width)
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text.strip()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_seed() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14)
    lines = [line for line in SEED_TEXT.splitlines() if line.strip()]
    rows = [[c.strip() for c in line.split("|")[1:5]] for line in lines if line.count("|") >= 5][:10]
    flowables = [Paragraph(line, style) for line in lines[:12]]
    flowables.append(Table(rows, style=[("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]))
    buffer = io.BytesIO()
    # invariant: no creation date or random id, so the fuzz examples are the same on every run
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(flowables)
    return buffer.getvalue()


def ofd_seed() -> bytes:
    """The PDF seed as a PDF-to-OFD converter writes it."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "seed.pdf"
        pdf.write_bytes(pdf_seed())
        return pdf_to_ofd(pdf, Path(folder) / "seed.ofd").read_bytes()


def xlsx_seed() -> bytes:
    book = openpyxl.Workbook()
    lines = [line for line in SEED_TEXT.splitlines() if line.strip()]
    for line in lines[:30]:
        book.active.append([cell.strip() for cell in line.split("|")])
    book.active.merge_cells("A2:C2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def mht_seed(page: bytes) -> bytes:
    """A web page saved as one file (MHTML), quoted-printable as browsers and Word write it."""
    message = MIMEMultipart("related")
    message.attach(MIMEText(page.decode("utf-8"), "html", "utf-8"))
    return message.as_bytes()


SEEDS = {
    ".txt": [p.read_bytes() for p in TEXT_SEEDS],
    ".html": [p.read_bytes() for p in HTML_SEEDS],
    ".mht": [mht_seed((FIXTURES / "standard" / "std2019_grid.html").read_bytes())],
    ".docx": [docx_seed()],
    ".pdf": [pdf_seed()],
    ".ofd": [ofd_seed()],
    ".xlsx": [xlsx_seed()],
}


def truncated(content: bytes, data) -> bytes:
    return content[: data.draw(st.integers(1, max(1, len(content) - 1)), label="cut at")]


def shuffled(content: bytes, data) -> bytes:
    """The file cut in pieces put back in another order (a layout's rows or a zip's parts moved)."""
    pieces = data.draw(st.integers(2, 16), label="pieces")
    size = max(1, len(content) // pieces)
    chunks = [content[i : i + size] for i in range(0, len(content), size)]
    random.Random(data.draw(st.integers(0, 2**32), label="order")).shuffle(chunks)
    return b"".join(chunks)


def flipped(content: bytes, data) -> bytes:
    """Some bytes overwritten (a damaged download)."""
    damaged = bytearray(content)
    for _ in range(data.draw(st.integers(1, 32), label="damaged bytes")):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    return bytes(damaged)


MUTATIONS = {"truncated": truncated, "shuffled": shuffled, "flipped": flipped}


@pytest.mark.parametrize("suffix", list(SEEDS))
@pytest.mark.parametrize("mutation", list(MUTATIONS))
@FUZZ
@given(data=st.data())
def test_a_damaged_fixture_of_any_file_type_reads_or_fails_with_a_reason(tmp_path, suffix, mutation, data):
    seed = data.draw(st.sampled_from(SEEDS[suffix]), label="seed")
    read_and_extract(tmp_path / f"report{suffix}", MUTATIONS[mutation](seed, data))


@pytest.mark.parametrize("suffix", list(SEEDS))
@FUZZ
@given(content=st.binary(min_size=1, max_size=4096))
def test_random_bytes_of_any_file_type_read_or_fail_with_a_reason(tmp_path, suffix, content):
    read_and_extract(tmp_path / f"report{suffix}", content)


@pytest.mark.parametrize("suffix", list(SEEDS))
@FUZZ
@given(content=st.binary(min_size=1, max_size=512))
def test_random_bytes_behind_a_real_file_header_read_or_fail_with_a_reason(tmp_path, suffix, content):
    seed = SEEDS[suffix][0]
    read_and_extract(tmp_path / f"report{suffix}", seed[:64] + content)


# Text drawn from what reports hold: table labels, digits, separators, line breaks, control characters.
REPORT_CHARACTERS = st.sampled_from(
    list("本年新收政府信息公开申请数量上年结转予以部分不公开总计自然人法人其他维持纠正结果行政复议诉讼")
    + list("0123456789０１２３４５６７８９.,，、|｜-—")
    + [" ", "\t", "\n", "\r", "\x00", "\x0b", "\x1b", "\u200b", "\ufeff"]
)
REPORT_TEXT = st.text(REPORT_CHARACTERS, max_size=400)


@FUZZ
@given(lines=st.lists(REPORT_TEXT, max_size=30), insert_at=st.integers(0, 60))
def test_fixture_text_with_random_report_like_lines_spliced_in_extracts(lines, insert_at):
    seed = SEED_TEXT.splitlines()
    text = "\n".join(seed[:insert_at] + lines + seed[insert_at:])
    extract_within_budget(Document(path="report.txt", text=text))


@FUZZ
@given(grid=st.lists(st.lists(REPORT_TEXT, min_size=1, max_size=12), min_size=1, max_size=40))
def test_random_table_grids_beside_fixture_text_extract(grid):
    width = max(len(row) for row in grid)
    rows = [row + [""] * (width - len(row)) for row in grid]
    extract_within_budget(Document(path="report.html", text=SEED_TEXT, tables=[Grid(rows, "table 1")]))


@FUZZ_LARGE
@given(
    digits=st.integers(1, 3_000_000),
    label=st.sampled_from(["本年新收政府信息公开申请数量", "（七）总计", "主动公开政府信息", "行政复议"]),
)
def test_millions_of_digits_in_a_figure_extract(digits, label):
    number = "9" * digits
    text = SEED_TEXT.replace("本年新收政府信息公开申请数量", f"{label} {number}", 1)
    extract_within_budget(Document(path="report.txt", text=text, tables=[Grid([[label, number]], "table 1")]))


@FUZZ_LARGE
@given(size=st.integers(10_000, 1_000_000), where=st.sampled_from([".txt", ".html"]))
def test_a_huge_cell_reads_or_fails_with_a_reason(tmp_path, size, where):
    cell = "本年新收" * (size // 4)
    if where == ".html":
        content = f"<table><tr><td>{cell}</td><td>1</td></tr></table>".encode()
    else:
        content = f"{SEED_TEXT}\n| {cell} | 1 |\n".encode()
    read_and_extract(tmp_path / f"report{where}", content)


@FUZZ
@given(depth=st.integers(100, 20_000), tag=st.sampled_from(["div", "table", "span", "td"]))
def test_deeply_nested_html_reads_or_fails_with_a_reason(tmp_path, depth, tag):
    content = f"<{tag}>" * depth + "本年新收政府信息公开申请数量 5" + f"</{tag}>" * depth
    read_and_extract(tmp_path / "report.html", content.encode())


@FUZZ
@given(
    controls=st.lists(st.characters(categories=["Cc", "Cf", "Cs", "Co"]), min_size=1, max_size=200),
    seed=st.integers(0, 2**32),
)
def test_control_characters_scattered_through_a_fixture_read_or_fail_with_a_reason(tmp_path, controls, seed):
    text = list(SEED_TEXT)
    rng = random.Random(seed)
    for ch in controls:
        text.insert(rng.randrange(len(text) + 1), ch)
    content = "".join(text).encode("utf-8", "surrogatepass")
    read_and_extract(tmp_path / "report.txt", content)
