"""Tables a text browser drew with box-drawing characters (`w3m -dump`), rebuilt as grids.

A drawn table wraps a long label inside its cell over several lines (`│2.其他法律行政法 │0 │` then
`│规禁止公开       │  │`) and marks each row's end with a border line (`├────┼──┤`). Read line by line,
the label is cut in two and the row's end is lost; rebuilt from the borders, every row is whole.
Columns are found by display position: a CJK character takes two columns of the terminal.
"""

from __future__ import annotations

import re
import unicodedata

from metrics.models import Table

_VERTICAL = set("│┃├┤┼┬┴┌┐└┘╋┣┫┳┻╂┠┨╀╁╬╠╣╦╩║╟╢")
_BOX = re.compile(r"[\u2500-\u257f]")
# A cell's part of a border line: nothing but drawn rule.
_RULE = re.compile(r"[\u2500-\u257f]+")
# A drawn table of the report has at least a header and a row.
_MIN_ROWS = 2


def drawn_tables(text: str) -> list[Table]:
    tables = []
    for block in _drawn_blocks(text.split("\n")):
        rows = _rows(block)
        if len(rows) >= _MIN_ROWS:
            tables.append(Table(rows=rows, where=f"drawn table {len(tables) + 1}"))
    return tables


def _drawn_blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines that each hold a drawn border."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if _BOX.search(line):
            current.append(line)
            continue
        if current:
            blocks.append(current)
        current = []
    if current:
        blocks.append(current)
    return blocks


def _rows(block: list[str]) -> list[list[str]]:
    """Text lines between two border lines make one row; each cell's pieces join in order. A border
    line may carry the text of a cell spanning rows beside it (`│（三）不予 ├────┼`): it ends the row
    all the same, and that text goes to the next."""
    lines = [_display(line) for line in block]
    bars = [{col for col, ch in enumerate(line) if ch in _VERTICAL} for line in lines]
    bounds = sorted(set().union(*bars))
    if not any(len(b) == len(bounds) for b in bars):
        return []  # no line crosses every column: not drawn to one grid (hand-made), left to the text
    rows: list[list[str]] = []
    pieces: list[list[str]] = [[] for _ in range(len(bounds) - 1)]
    for line in lines:
        # A cell spanning columns has no border inside it on its lines: split at this line's own
        # borders, and the text goes to the first column it spans.
        own = [col for col, ch in enumerate(line) if ch in _VERTICAL]
        segments = [
            (bounds.index(lo), "".join(line[lo + 1 : hi]).strip())
            for lo, hi in zip(own, own[1:], strict=False)
        ]
        if any(_RULE.fullmatch(text) for _, text in segments) or not own:
            rows.append(["".join(p) for p in pieces])
            pieces = [[] for _ in range(len(bounds) - 1)]
        for column, text in segments:
            if not _RULE.fullmatch(text):
                pieces[column].append(text)
    rows.append(["".join(p) for p in pieces])
    return [row for row in rows if any(row)]


def _display(line: str) -> list[str]:
    """The line by terminal column: a wide character fills its second column with nothing."""
    out: list[str] = []
    for ch in line:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF":
            out.append("")
    return out
