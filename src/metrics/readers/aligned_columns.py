"""Rows of numbers under a borderless table's column headers, with their blank cells put back.

A table printed without ruled lines gives text with no cell borders, and a table that leaves its
zeros blank then loses its blank cells: section 四's row `5 2 7 8 1 9` holds six of fifteen cells,
section 三's `40 5 1 2 48` five of seven, and which ones only the page shows. The page does show
it: each number stands under its column's header. Where the header words of the table's columns
fall into exactly as many columns as the table has, every number of a row stands under one of them
(all offset alike), and the row's totals add up, the row is written as its cells joined by ` | `,
blanks in place, as a ruled table's row would be.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from metrics.normalize import compact
from metrics.templates import REQUESTER_COLUMNS, SECTION4_COLUMNS


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    size: float  # the font size: the scale of every gap
    edges: list[tuple[float, float]]  # each character's x0 and x1

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class HeaderedTable:
    """A borderless table: the words of the line that opens its header, the characters its column
    headers are written in, its number of columns, whether its rows carry labels, and the check its
    cells must pass."""

    opens: tuple[str, ...]
    column_labels: tuple[str, ...]
    width: int
    many_rows: bool
    adds_up: Callable[[list[int | None]], bool]

    @property
    def column_chars(self) -> frozenset[str]:
        return frozenset("".join(self.column_labels))


def _section3_adds_up(cells: list[int | None]) -> bool:
    """The 总计 column is the sum of the others (a blank 总计 is a total the report left out)."""
    *parts, total = cells
    return total is None or sum(v or 0 for v in parts) == total


def _section4_adds_up(cells: list[int | None]) -> bool:
    """Each group's 总计 is the sum of its four results."""
    for start in range(0, len(cells), 5):
        *parts, total = cells[start : start + 5]
        if sum(v or 0 for v in parts) != (total or 0):
            return False
    return True


SECTION3_TABLE = HeaderedTable(
    opens=("申请人情况",),
    column_labels=tuple(zh for _, zh, _ in REQUESTER_COLUMNS),
    width=len(REQUESTER_COLUMNS),
    many_rows=True,
    adds_up=_section3_adds_up,
)
SECTION4_TABLE = HeaderedTable(
    opens=("行政复议", "行政诉讼"),
    column_labels=tuple(zh for _, zh in SECTION4_COLUMNS),
    width=3 * len(SECTION4_COLUMNS),
    many_rows=False,
    adds_up=_section4_adds_up,
)
TABLES = (SECTION3_TABLE, SECTION4_TABLE)

# How far below the opening line the first row of numbers may stand (wrapped header words between),
# and how far a table's rows may run on (section 三's rows with their wrapped labels, a page break).
_MAX_HEADER_LINES = 8
_MAX_TABLE_LINES = 90
# Section 三's rows end where section 四 begins.
_TABLE_ENDS = "行政复议"
# Characters of one word stand closer than this share of the character size; cells stand further.
_WORD_GAP = 0.35
# Header words of one column (a wrapped header's lines) have anchors closer than this share of the
# character size; columns stand further apart.
_COLUMN_GAP = 0.9
# A number stands under a column when its anchor lies within this share of the column pitch of the
# column's anchor, and all the row's numbers sit alike: their offsets differ by at most
# _OFFSET_SPREAD of the pitch.
_MAX_OFFSET = 0.4
_OFFSET_SPREAD = 0.3
_NUMBER = re.compile(r"\d[\d,]*")

# Where in a cell its text sits: numbers and headers may both be centred, both left-aligned, or
# both right-aligned. A row is read only when every anchor that places it places it alike.
_ANCHORS: tuple[Callable[[Word], float], ...] = (
    lambda w: w.centre,
    lambda w: w.x0,
    lambda w: w.x1,
)


def pdf_words(line: dict) -> list[Word]:
    """A pdfplumber text line's words, split where the gap between two characters is wider than
    within a word."""
    words: list[Word] = []
    for char in line["chars"]:
        if not char["text"].strip():
            continue
        last = words[-1] if words else None
        if last and char["x0"] - last.x1 <= _WORD_GAP * char["size"]:
            last.text += char["text"]
            last.x1 = char["x1"]
            last.edges.append((char["x0"], char["x1"]))
        else:
            words.append(Word(char["text"], char["x0"], char["x1"], char["size"], [(char["x0"], char["x1"])]))
    return words


def aligned_rows(lines: list[list[Word]]) -> dict[int, str]:
    """Lines (as positioned words) whose numbers were put in their columns: line index -> the line's
    label, if any, and its cells joined by ` | `."""
    out: dict[int, str] = {}
    for i, words in enumerate(lines):
        for table in TABLES:
            if _opens(words, table):
                out.update(_table_rows(lines, i, table))
    return out


def _opens(words: list[Word], table: HeaderedTable) -> bool:
    texts = [compact(w.text) for w in words]
    return all(any(o in t and len(t) <= 2 * len(o) for t in texts) for o in table.opens)


def _table_rows(lines: list[list[Word]], opening: int, table: HeaderedTable) -> dict[int, str]:
    header: list[Word] = []
    out: dict[int, str] = {}
    k = opening + 1
    while k < min(len(lines), opening + 1 + _MAX_HEADER_LINES):
        if any(_NUMBER.fullmatch(w.text) for w in lines[k]):
            break
        header += [
            piece
            for w in lines[k]
            if set(compact(w.text)) <= table.column_chars
            for piece in _split_labels(w, table.column_labels)
        ]
        k += 1
    columns = _columns(header)
    if len(columns) != table.width:
        return out
    last = min(len(lines), k + (_MAX_TABLE_LINES if table.many_rows else 1))
    for row in range(k, last):
        words = lines[row]
        if any(_TABLE_ENDS in compact(w.text) for w in words):
            break
        line = _row(words, columns, table)
        if line is not None:
            out[row] = line
    return out


def _split_labels(word: Word, labels: tuple[str, ...]) -> list[Word]:
    """A header word that is several column labels run together (cells set so close that no gap
    parts them: `商业企业科研机构社会公益组织`) as one word per label, each where its characters stand."""
    text = compact(word.text)
    if len(text) != len(word.edges):
        return [word]
    pieces: list[Word] = []
    at = 0
    while at < len(text):
        label = next((label for label in labels if text.startswith(label, at)), None)
        if label is None:
            return [word]
        edges = word.edges[at : at + len(label)]
        pieces.append(Word(label, edges[0][0], edges[-1][1], word.size, edges))
        at += len(label)
    return pieces


def _columns(header: list[Word]) -> list[list[Word]]:
    """The header's columns, left to right: header words whose centres stand close are one column
    (a header wrapped over lines). A word spanning several columns' words (a wrapped header whose
    characters ran together on one line) says nothing of where one column is and is left out."""
    narrow = [w for w in header if not _spans_columns(w, header)]
    groups: list[list[Word]] = []
    for word in sorted(narrow, key=lambda w: w.centre):
        if groups and word.centre - groups[-1][-1].centre < _COLUMN_GAP * word.size:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _spans_columns(word: Word, header: list[Word]) -> bool:
    inside = sorted(o.centre for o in header if o is not word and word.x0 <= o.centre <= word.x1)
    return any(b - a >= _COLUMN_GAP * word.size for a, b in zip(inside, inside[1:], strict=False))


def _row(words: list[Word], columns: list[list[Word]], table: HeaderedTable) -> str | None:
    """The row's label and cells when its numbers are certain to stand in those cells, else None:
    the line holds every cell already, its numbers do not follow its label, a number stands under no
    column, the alignments disagree, or the cells do not add up."""
    numbers = [w for w in words if _NUMBER.fullmatch(w.text)]
    label = words[: len(words) - len(numbers)]
    if not numbers or len(numbers) >= table.width or any(_NUMBER.fullmatch(w.text) for w in label):
        return None
    if not table.many_rows and label:
        return None
    placings = {_placed(numbers, columns, anchor) for anchor in _ANCHORS} - {None}
    if len(placings) != 1:
        return None
    cells = list(placings.pop())
    if not table.adds_up([int(c.replace(",", "")) if c else None for c in cells]):
        return None
    head = " ".join(w.text for w in label)
    return " | ".join([head, *cells] if head else cells)


def _placed(numbers: list[Word], columns: list[list[Word]], anchor) -> tuple[str, ...] | None:
    """The cells with each number under its column by one anchor, or None where that fails."""
    anchors = [statistics.fmean(anchor(w) for w in column) for column in columns]
    pitch = statistics.median(b - a for a, b in zip(anchors, anchors[1:], strict=False))
    cells = [""] * len(columns)
    offsets = []
    for number in numbers:
        column = min(range(len(columns)), key=lambda c: abs(anchor(number) - anchors[c]))
        offset = anchor(number) - anchors[column]
        if abs(offset) > _MAX_OFFSET * pitch or cells[column]:
            return None
        cells[column] = number.text
        offsets.append(offset)
    if max(offsets) - min(offsets) > _OFFSET_SPREAD * pitch:
        return None
    return tuple(cells)
