"""PDF files: the text of every page in reading order, and ruled tables expanded into grids.

Tables that a page break splits are joined back into one grid, and page footers (`— 5 —`) are
dropped, because both would otherwise land in the middle of the big table of section 三.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from metrics.models import Document, Table
from metrics.readers import budgets, ocr
from metrics.readers.aligned_columns import aligned_rows, pdf_words
from metrics.readers.errors import ReadError
from metrics.readers.page_furniture import PAGE_MARK, drop_page_furniture, is_furniture
from metrics.readers.page_meta import read_page_meta

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_DIGIT = re.compile(r"\d")
# pdfminer writes a glyph it cannot map to Unicode as (cid:123).
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_EDGE_TOLERANCE = 2.0  # points: the same ruling line can sit a hair apart on different pages


@dataclass
class _Span:
    """A printed cell: the table rows it covers (inclusive) and its horizontal extent in points."""

    first_row: int
    last_row: int
    x0: float
    x1: float
    text: str


@dataclass
class _Grid:
    """A table as printed on one page, possibly with its continuations from the following pages.

    Cells keep their x positions rather than column numbers: a fragment whose rows are all merged
    across some columns has fewer distinct cell edges than the rest of its table, so columns are
    only numbered once the fragments are joined."""

    spans: list[_Span]
    n_rows: int
    printed_rows: list[list[str]]
    page: int
    number: int
    continued_on: list[int] = field(default_factory=list)

    @property
    def rows(self) -> list[list[str]]:
        return _expand(self.spans, self.n_rows)


@dataclass
class _Page:
    """A page as a sequence of blocks in reading order: each block is a text line or a _Grid."""

    number: int
    blocks: list[str | _Grid]


@dataclass
class _PageParts:
    """A page as read: its text lines outside ruled tables (pdfplumber's, with their characters) and
    its ruled tables with their tops."""

    number: int
    lines: list[dict]
    grids: list[tuple[float, _Grid]]


def read_pdf(path: str, data: bytes) -> Document:
    """Read a PDF; pages without a text layer (scans) are read by OCR. Raises ReadError for encrypted,
    damaged or unreadable files."""
    pages = _read_pages(data)
    if _mostly_unmapped(pages):
        # Some files (e.g. with an owner password) hide their font mapping from pdfminer but not
        # from PDFium; its text is better than none, though it has no table grids.
        pages = _pdfium_pages(data)
    scanned = _ocr_pages(data, [page.number for page in pages if not _page_text(page).strip()], len(pages))
    texts = [scanned[page.number].text if page.number in scanned else _page_text(page) for page in pages]
    text = drop_page_furniture("\n".join(texts))
    grids = _join_split_tables(pages)
    if not text.strip():
        raise ReadError("the PDF has neither a text layer nor text that OCR can read on its pages")
    tables = [Table(rows=grid.rows, where=_where(grid)) for grid in grids if grid.n_rows]
    tables += [table for number in sorted(scanned) for table in scanned[number].tables]
    ocr_reads = [scanned[number].read(number) for number in sorted(scanned)]
    return Document(
        path=path,
        text=text,
        tables=tables,
        page_meta=read_page_meta(text),
        ocr=ocr_reads,
        properties_title=_properties_title(data),
    )


def _properties_title(data: bytes) -> str:
    """The PDF's /Title: Word fills it with the document's first line, the report's title, which a
    scanned report's OCR may not read whole."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return ""
    try:
        return (document.get_metadata_dict().get("Title") or "").strip()
    finally:
        document.close()


def _ocr_pages(data: bytes, numbers: list[int], n_pages: int) -> dict[int, ocr.OcrPage]:
    """OCR of the pages that have no text. Without the OCR engine, a PDF that is all scans fails with
    what to install; one with some text is read from its text alone."""
    if not numbers:
        return {}
    if not ocr.engine_installed():
        if len(numbers) == n_pages:
            ocr.require_engine()
        return {}
    try:
        return ocr.read_pdf_pages(data, numbers)
    except pypdfium2.PdfiumError as e:
        # Damage that pdfminer reads past but PDFium cannot render: the text layer is all there is.
        if len(numbers) == n_pages:
            raise ReadError(
                f"the PDF has no text layer and its pages cannot be rendered for OCR ({e})"
            ) from e
        return {}


def _read_pages(data: bytes) -> list[_Page]:
    # pdfminer logs every recoverable oddity of real-world PDFs; they are noise for our users.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > budgets.PDF_PAGES:
                raise ReadError(
                    f"the PDF has {len(pdf.pages):,} pages, more than the {budgets.PDF_PAGES:,} we read"
                )
            return _placed_blocks([_read_page_within_budget(page) for page in pdf.pages])
    except PdfminerException as exc:
        raise _read_error(exc.args[0] if exc.args else exc) from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _read_error(exc) from exc
    except (
        MalformedPDFException,  # pdfplumber: a page box that is not numbers
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        EOFError,
        OSError,
    ) as exc:
        # pdfminer surfaces damage deep inside a file as plain Python errors.
        raise ReadError(f"the PDF is damaged: {_describe(exc)}") from exc


def _mostly_unmapped(pages: list[_Page]) -> bool:
    lines = [block for page in pages for block in page.blocks if isinstance(block, str)]
    text = "".join(lines)
    return bool(text) and len("".join(_UNMAPPED.findall(text))) > len(text) / 2


def _pdfium_pages(data: bytes) -> list[_Page]:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:  # damage pdfminer read past but PDFium refuses
        raise ReadError(f"the PDF is damaged and cannot be read ({e})") from e
    try:
        pages = []
        for number, page in enumerate(document, start=1):
            text = page.get_textpage().get_text_range().replace("\r\n", "\n")
            lines = [line.strip() for line in text.splitlines()]
            pages.append(_Page(number, [line for line in lines if line and not PAGE_MARK.match(line)]))
        return pages
    finally:
        document.close()


def _read_error(cause: object) -> ReadError:
    if isinstance(cause, PDFPasswordIncorrect):
        return ReadError("the PDF is encrypted and needs a password to open")
    if isinstance(cause, PDFEncryptionError):
        return ReadError(f"the PDF is encrypted in a way we cannot open: {_describe(cause)}")
    return ReadError(f"the PDF is damaged: {_describe(cause)}")


def _describe(exc: object) -> str:
    message = str(exc).strip()
    known = {
        "Unexpected EOF": "the file ends too early (truncated download?)",
        "No /Root object! - Is this really a PDF?": "it has no document structure (is it really a PDF?)",
    }
    return known.get(message, message or type(exc).__name__)


def _read_page_within_budget(page) -> _PageParts:
    """A few KB of compressed drawing can take minutes to parse and its ruled lines minutes more
    to join into tables: each page gets a time budget and a budget of lines and boxes."""
    n = page.page_number
    with budgets.time_limit(
        budgets.PDF_PAGE_SECONDS, f"page {n} takes more than {budgets.PDF_PAGE_SECONDS} s to read"
    ):
        drawings = len(page.lines) + len(page.rects) + len(page.curves)
        if drawings > budgets.PDF_PAGE_DRAWINGS:
            raise ReadError(
                f"page {n} draws {drawings:,} lines and boxes, more than the {budgets.PDF_PAGE_DRAWINGS:,} "
                "we join into tables"
            )
        return _read_page(page)


def _read_page(page) -> _PageParts:
    found = page.find_tables({"explicit_horizontal_lines": _cut_edges(page)})
    grids = [_grid_of(table, page.page_number, n) for n, table in enumerate(found, start=1)]
    boxes = [table.bbox for table in found]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside_any(obj, boxes))
    lines = outside.extract_text_lines(
        return_chars=True, y_tolerance=_line_tolerance(page), x_tolerance_ratio=_WORD_GAP
    )
    placed = [(box[1], grid) for box, grid in zip(boxes, grids, strict=True) if grid.n_rows]
    return _PageParts(number=page.page_number, lines=lines, grids=placed)


def _placed_blocks(parts: list[_PageParts]) -> list[_Page]:
    """Each page's lines and grids in reading order. A borderless table's row that lost its blank
    cells gets them back from where its numbers stand; its header may be on an earlier page. A
    sentence a page break cut goes on where the page before left it."""
    aligned = aligned_rows([pdf_words(line) for part in parts for line in part.lines])
    # Each page's blocks, its texts as runs: a later page may yet go on an earlier one's last run.
    pages: list[tuple[int, list[_Run | _Grid]]] = []
    first = 0  # index of the page's first line among all lines
    left_open: _Run | None = None  # the page before's last text, if the next page may go on it
    for part in parts:
        lines = [
            (line, aligned.get(first + i))
            for i, line in enumerate(part.lines)
            if not PAGE_MARK.match(line["text"])
        ]
        runs = _unwrapped(lines)
        opening, closing = _body_ends(runs, part.grids)
        if (
            left_open
            and opening
            and opening.first
            and _goes_on(left_open.last, opening.first, left_open.right, over_page=True)
        ):
            left_open.text += opening.text
            left_open.last, left_open.right = opening.last, opening.right
            runs.remove(opening)
            if closing is opening:  # the whole page went on the page before's sentence
                closing = left_open
        placed: list[tuple[float, int, _Run | _Grid]] = [(run.top, 0, run) for run in runs]
        placed += [(top, 1, grid) for top, grid in part.grids]
        placed.sort(key=lambda item: (item[0], item[1]))
        pages.append((part.number, [block for _, _, block in placed]))
        left_open = closing if closing and closing.last else None
        first += len(part.lines)
    return [
        _Page(number, [block.text if isinstance(block, _Run) else block for block in blocks])
        for number, blocks in pages
    ]


@dataclass
class _Run:
    """Text placed as one block: a line, or prose lines the printer broke joined back into one."""

    top: float
    text: str
    first: dict | None  # its first line as printed, unless a borderless table's row
    last: dict | None  # its last line, if prose a line that follows may go on
    right: float  # where its page's full lines of prose end


def _body_ends(runs: list[_Run], grids: list[tuple[float, _Grid]]) -> tuple[_Run | None, _Run | None]:
    """The page's first and last text outside the lines a printer adds to every page, each only if no
    table stands before (or after) it on the page."""
    body = [run for run in runs if not is_furniture(run.text)]
    if not body:
        return None, None
    opening, closing = body[0], body[-1]
    return (
        None if any(top < opening.top for top, _ in grids) else opening,
        None if any(top > closing.top for top, _ in grids) else closing,
    )


def _unwrapped(lines: list[tuple[dict, str | None]]) -> list[_Run]:
    """The page's text lines (each with its row as a borderless table's, if it is one), a prose line
    the printer broke because it was full joined to the line it goes on in: '…均为自然人申' / '请。其中…'
    is one sentence, as the page it was printed from has it."""
    # A row of a borderless table read as text shows where the page's text ends as well as prose does:
    # without it, a table's narrow label column ('4.保护第' / '三方合法') would be taken for the page's width.
    right = _right_edge([line for line, row in lines if row is None and _PROSE.fullmatch(line["text"])])
    out: list[_Run] = []
    for line, row in lines:
        before = out[-1].last if out else None
        if row is None and before is not None and _goes_on(before, line, right):
            out[-1].text += line["text"]
        else:
            text, first = (line["text"], line) if row is None else (row, None)
            out.append(_Run(line["top"], text, first, None, right))
        out[-1].last = line if row is None and _is_prose(line) else None
    return out


def _right_edge(prose: list[dict]) -> float:
    """Where the page's full lines of prose end: the furthest right that two lines end at, within a
    character and a half of each other (a lone line running past the others, an address that cannot
    break, is no edge)."""
    if not prose:
        return 0.0
    near = 1.5 * max(_size(line) for line in prose)
    ends = sorted((line["x1"] for line in prose), reverse=True)
    return next((end for end, after in zip(ends, ends[1:], strict=False) if end - after <= near), ends[0])


# Prose lines: Chinese text with at most single spaces (around a number: '614 条'); a table's row read
# as text sets its cells wider apart.
_PROSE = re.compile(r"(?!.*\s\s)(?!.*\|).*[\u2e80-\u2fdf\u3400-\u9fff].*")
# The last character of a line broken inside a sentence: a Chinese one or a comma, not the end of
# a sentence or of a heading (。！？；：); a mirror's pinyin after a character ('復(fù)') too.
_BROKEN_AFTER = re.compile(
    r"(?:[\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff,，、（(“《\d]|\([a-zü\u00e0-\u01dc]+\))$"
)


def _is_prose(line: dict) -> bool:
    """Chinese text set as prose: no gap on the line wider than two characters, where a borderless
    table's row has its cells ('的经费） … 元' is a label's last line and a unit)."""
    chars = line["chars"]
    gaps = (b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False))
    return bool(_PROSE.fullmatch(line["text"])) and all(gap <= _PROSE_GAP * _size(line) for gap in gaps)


_PROSE_GAP = 2


def _goes_on(before: dict, line: dict, right: float, over_page: bool = False) -> bool:
    """Whether `line` goes on the prose line `before`: `before` is full (it reaches the page's right
    edge of text within three characters, or the Latin word or number opening `line` did not fit
    in what was left: '…全文电子化达' / '100%,…') and broken inside a sentence, and `line` follows it at
    the next line's distance in the same type, not indented (a new paragraph is)."""
    size = _size(before)
    text = before["text"]
    return (
        bool(_BROKEN_AFTER.search(text))
        # A row of cells ends in a number too ('规章 0 0 0'): a line ending in one has no gap.
        and not (text[-1].isdigit() and " " in text)
        and before["x1"] >= right - _FULL_WITHIN * size - _opening_word_width(line)
        and abs(_size(line) - size) <= 0.1 * size
        and line["x0"] <= before["x0"] + 0.5 * size
        # A paragraph's first line is indented two characters; a line opening further right is no
        # full line of it (a table's unit cell '元' above the next row's label).
        and before["x0"] - line["x0"] <= _FIRST_LINE_INDENT * size
        # Over a page break, the page's foot and the next one's head stand between the two lines.
        and (over_page or 0 <= line["top"] - before["bottom"] < size)
        and bool(line["text"].strip())
        and not _FIELD.match(before["text"])
        and not _FIELD.match(line["text"])
    )


# A page's field line ('标题:…', '发布日期:…'): one field a line, however long.
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")


# A full line ends within this many characters of the right edge: a printer keeps a closing mark with
# the character before it ('止。'), so a line may end two characters short of the edge.
_FULL_WITHIN = 3
_FIRST_LINE_INDENT = 3


def _opening_word_width(line: dict) -> float:
    """How wide the Latin word or number opening the line is (none if it opens with Chinese): the printer
    cannot break it, so it goes to the next line whole when it does not fit."""
    chars = line["chars"]
    end = 0
    while end < len(chars) and _LATIN.match(chars[end]["text"]):
        end += 1
    return float(chars[end - 1]["x1"] - chars[0]["x0"]) if end else 0.0


_LATIN = re.compile(r"[0-9A-Za-z.,%/:\-]")


def _size(line: dict) -> float:
    return float(line["chars"][0]["size"]) if line["chars"] else 0.0


def _line_tolerance(page) -> float:
    """How far apart the tops of one line's characters may stand. Digits set in a Latin font stand
    lower than the Chinese around them by a share of the type size (5 points at 24-point type), and
    pdfplumber's fixed 3 points then puts them on a line of their own. The page's largest type (a
    title's year: '某镇政府 年信息公开工作年度报告' above '2022') sets the tolerance, a quarter of its
    size, but no more than half the size of its body type (not its small print: a printer's running
    head), which is less than the distance between the body's lines."""
    sizes = sorted(char["size"] for char in page.chars)
    if not sizes:
        return _MIN_LINE_TOLERANCE
    body = sizes[int(_LARGE_TYPE * (len(sizes) - 1))]
    return max(_MIN_LINE_TOLERANCE, min(_LINE_TOLERANCE_SHARE * sizes[-1], _BODY_SHARE * body))


# How wide a gap between two characters, as a share of their size, still joins them in one word:
# LibreOffice sets a fifth of a size between Chinese and Latin text ('公布 2021 年'), which pdfplumber's
# fixed 3 points reads as a space in large type; a table's cells stand much further apart.
_WORD_GAP = 0.3
_MIN_LINE_TOLERANCE = 3.0  # pdfplumber's default
_LINE_TOLERANCE_SHARE = 0.25
_BODY_SHARE = 0.5
_LARGE_TYPE = 0.9  # the size 90 % of the page's characters do not exceed


def _cut_edges(page) -> list[dict]:
    """Rules a page break cut away: a table row split over two pages is drawn without a rule where
    the page cut it, so its cells are open and the row is lost. Where the column rules of a table
    (three or more) stop at one height, none going on past it and no rule across them there, that
    edge is drawn in."""
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["height"] > _MIN_RULE]
    horizontal = [e for e in page.edges if e["orientation"] == "h" and e["width"] > _MIN_RULE]
    lines = []
    for end, other_end in (("top", "bottom"), ("bottom", "top")):
        ends: dict[int, list[dict]] = {}
        for edge in vertical:
            ends.setdefault(round(edge[end]), []).append(edge)
        for y, edges in ends.items():
            x0, x1 = min(e["x0"] for e in edges), max(e["x1"] for e in edges)
            goes_on = any(abs(e[other_end] - y) <= _EDGE_TOLERANCE and x0 <= e["x0"] <= x1 for e in vertical)
            ruled = any(
                abs(h["top"] - y) <= _EDGE_TOLERANCE and h["x0"] < x1 and h["x1"] > x0 for h in horizontal
            )
            if len(edges) >= _MIN_CUT_COLUMNS and not goes_on and not ruled:
                lines.append(
                    {
                        "object_type": "line",
                        "x0": x0,
                        "x1": x1,
                        "top": y,
                        "bottom": y,
                        "width": x1 - x0,
                        "height": 0,
                    }
                )
    return lines


# A rule shorter than this is a corner of a cell's box, not a rule; a cut edge crosses this many columns.
_MIN_RULE = 3.0
_MIN_CUT_COLUMNS = 3


def _inside_any(char: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    mid_x = (char["x0"] + char["x1"]) / 2
    mid_y = (char["top"] + char["bottom"]) / 2
    return any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes)


def _grid_of(table, page_number: int, number: int) -> _Grid:
    printed = table.extract()
    tops = sorted({cell[1] for cell in table.cells})
    spans = []
    for row, texts in zip(table.rows, printed, strict=True):
        for cell, raw in zip(row.cells, texts, strict=True):
            if cell is not None:
                x0, top, x1, bottom = cell
                covered = [i for i, y in enumerate(tops) if top <= y < bottom]
                spans.append(_Span(covered[0], covered[-1], x0, x1, _cell_text(raw)))
    printed_rows = [[_cell_text(raw) for raw in texts if raw is not None] for texts in printed]
    return _Grid(spans=spans, n_rows=len(tops), printed_rows=printed_rows, page=page_number, number=number)


def _expand(spans: list[_Span], n_rows: int) -> list[list[str]]:
    """Lay the cells on the grid of their distinct left edges; a merged cell fills every slot it covers."""
    xs = _distinct(span.x0 for span in spans)
    grid = [["" for _ in xs] for _ in range(n_rows)]
    for span in spans:
        columns = [c for c, x in enumerate(xs) if span.x0 - _EDGE_TOLERANCE <= x < span.x1 - _EDGE_TOLERANCE]
        for r in range(span.first_row, span.last_row + 1):
            for c in columns:
                grid[r][c] = span.text
    return grid


def _distinct(values) -> list[float]:
    """Sorted values with near-equal ones (the same ruling line drawn twice) counted once."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > _EDGE_TOLERANCE:
            out.append(value)
    return out


def _edges(grid: _Grid) -> list[float]:
    return _distinct([span.x0 for span in grid.spans] + [span.x1 for span in grid.spans])


def _cell_text(raw: str | None) -> str:
    """Join a cell's wrapped lines: no space between Chinese characters, one space otherwise."""
    lines = [line.strip() for line in (raw or "").splitlines() if line.strip()]
    text = ""
    for line in lines:
        glue = "" if not text or (_CJK.match(text[-1]) and _CJK.match(line[0])) else " "
        text += glue + line
    return text


def _join_split_tables(pages: list[_Page]) -> list[_Grid]:
    """All grids in order, a grid continued at the top of the next page folded into its start."""
    grids: list[_Grid] = []
    open_grid: _Grid | None = None  # the grid that ended the previous page, which may go on
    for page in pages:
        latest: _Grid | None = None
        for position, block in enumerate(page.blocks):
            if not isinstance(block, _Grid):
                continue
            # Only the printer's running head may stand above a table's continuation.
            opens_page = all(isinstance(b, str) and is_furniture(b) for b in page.blocks[:position])
            if opens_page and open_grid is not None and _continues(open_grid, block):
                _append_continuation(open_grid, block)
                latest = open_grid
            else:
                grids.append(block)
                latest = block
        body = [b for b in page.blocks if not (isinstance(b, str) and is_furniture(b))]
        ends_with_grid = bool(body) and isinstance(body[-1], _Grid)
        open_grid = latest if ends_with_grid else None
    return grids


def _continues(before: _Grid, after: _Grid) -> bool:
    """A table at the top of a page continues the one that ended the previous page when it lies on
    the same ruling (one's column edges contain the other's) and does not open with a header row of
    its own; a header repeated from the first page still continues it."""
    edges_before, edges_after = _edges(before), _edges(after)
    if not (_contains(edges_before, edges_after) or _contains(edges_after, edges_before)):
        return False
    first = after.rows[0]
    return first == before.rows[0] or not _looks_like_header(first)


def _contains(edges: list[float], others: list[float]) -> bool:
    return all(any(abs(edge - other) <= _EDGE_TOLERANCE for edge in edges) for other in others)


def _looks_like_header(row: list[str]) -> bool:
    labels = {cell for cell in row if cell}
    return len(labels) >= 2 and all(cell and not _DIGIT.search(cell) for cell in row)


def _append_continuation(into: _Grid, grid: _Grid) -> None:
    drop = 1 if grid.rows[0] == into.rows[0] else 0  # a repeated header row is kept once
    for span in grid.spans:
        if span.last_row < drop:
            continue
        into.spans.append(
            _Span(
                into.n_rows + max(span.first_row - drop, 0),
                into.n_rows + span.last_row - drop,
                span.x0,
                span.x1,
                span.text,
            )
        )
    into.n_rows += grid.n_rows - drop
    into.printed_rows.extend(grid.printed_rows[drop:])
    into.continued_on.append(grid.page)


def _where(grid: _Grid) -> str:
    where = f"page {grid.page}, table {grid.number}"
    if grid.continued_on:
        where += f" (continued on page {', '.join(str(p) for p in grid.continued_on)})"
    return where


def _page_text(page: _Page) -> str:
    lines: list[str] = []
    for block in page.blocks:
        if isinstance(block, _Grid):
            lines += [" | ".join(row).rstrip() for row in block.printed_rows if any(row)]
        else:
            lines.append(block)
    return "\n".join(lines)
