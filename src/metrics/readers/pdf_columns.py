"""Rows of numbers under a borderless table's column headers, with their blank cells put back.

A table printed without ruled lines gives PDF text with no cell borders, and a table that leaves
its zeros blank then loses its blank cells: section 四's row `5 2 7 8 1 9` holds six of fifteen
cells, and which six only the page shows. The page does show it: each number stands under its
column's header. Where the header words of the table's columns fall into exactly as many columns
as the table has, and every number of the row stands under one of them, the row is written as its
cells joined by ` | `, blanks in place, as a ruled table's row would be.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from metrics.normalize import compact
from metrics.templates import SECTION4_COLUMNS


@dataclass(frozen=True)
class HeaderedRow:
    """A table whose one row of numbers follows a few lines of column headers."""

    opens: tuple[str, ...]  # words the line that opens the header holds (its group header)
    column_chars: frozenset[str]  # the characters of its column headers
    width: int  # its columns


SECTION4_ROW = HeaderedRow(
    opens=("行政复议", "行政诉讼"),
    column_chars=frozenset(compact("".join(zh for _, zh in SECTION4_COLUMNS))),
    width=15,
)

# How far below the opening line the row of numbers may stand (wrapped header words between).
_MAX_HEADER_LINES = 8
# Characters of one word stand closer than this share of the font size; cells stand further apart.
_WORD_GAP = 0.35
# Header words of one column (a wrapped header's lines) have centres closer than this share of the
# font size; columns stand further apart.
_COLUMN_GAP = 0.9
# A number stands under a column when its centre lies within this share of the column pitch of
# the column's centre, and all the row's numbers sit alike: their offsets differ by at most
# _OFFSET_SPREAD of the pitch (numbers left-aligned in their cells sit left of centred headers).
_MAX_OFFSET = 0.4
_OFFSET_SPREAD = 0.3
_NUMBER = re.compile(r"\d[\d,]*")


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def aligned_rows(lines: list[dict], table: HeaderedRow = SECTION4_ROW) -> dict[int, str]:
    """Text lines of a page (pdfplumber's, with their chars) whose numbers were put in their
    columns: line index -> the cells joined by ` | `."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not _opens(line, table):
            continue
        header: list[_Word] = []
        for k in range(i + 1, min(len(lines), i + 1 + _MAX_HEADER_LINES)):
            words = _words(lines[k])
            if any(_NUMBER.fullmatch(w.text) for w in words):
                cells = _cells(words, _column_centres(header), table.width)
                if cells is not None:
                    out[k] = " | ".join(cells)
                break
            header += [w for w in words if set(w.text) <= table.column_chars]
    return out


def _opens(line: dict, table: HeaderedRow) -> bool:
    text = compact(line["text"])
    return all(word in text for word in table.opens) and len(text) <= 2 * sum(len(w) for w in table.opens)


def _words(line: dict) -> list[_Word]:
    """The line's words, split where the gap between two characters is wider than within a word."""
    words: list[_Word] = []
    for char in line["chars"]:
        if not char["text"].strip():
            continue
        last = words[-1] if words else None
        if last and char["x0"] - last.x1 <= _WORD_GAP * char["size"]:
            last.text += char["text"]
            last.x1 = char["x1"]
        else:
            words.append(_Word(char["text"], char["x0"], char["x1"], char["size"]))
    return words


def _column_centres(header: list[_Word]) -> list[float]:
    """Centres of the header's columns: header words whose centres stand close are one column."""
    groups: list[list[float]] = []
    for word in sorted(header, key=lambda w: w.centre):
        if groups and word.centre - groups[-1][-1] < _COLUMN_GAP * word.size:
            groups[-1].append(word.centre)
        else:
            groups.append([word.centre])
    return [statistics.fmean(group) for group in groups]


def _cells(words: list[_Word], centres: list[float], width: int) -> list[str] | None:
    """The row's cells with its numbers in their columns, or None when that is not certain: the
    header is not of `width` columns, the row has words besides numbers, already holds every cell,
    or a number stands under no column (or under the same one as another)."""
    if len(centres) != width or len(words) >= width:
        return None
    if not all(_NUMBER.fullmatch(w.text) for w in words):
        return None
    pitch = statistics.median(b - a for a, b in zip(centres, centres[1:], strict=False))
    cells = [""] * width
    offsets = []
    for word in words:
        column = min(range(width), key=lambda c: abs(word.centre - centres[c]))
        offset = word.centre - centres[column]
        if abs(offset) > _MAX_OFFSET * pitch or cells[column]:
            return None
        cells[column] = word.text
        offsets.append(offset)
    if max(offsets) - min(offsets) > _OFFSET_SPREAD * pitch:
        return None
    return cells
