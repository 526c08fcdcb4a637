"""Tables drawn in text, rebuilt as grids: with box-drawing characters (`w3m -dump`), with ASCII
borders (pandoc's grid tables, `+----+` and `|`), or with rules of dashes alone (pandoc's simple and
multiline tables, `------ ------`).

A drawn table wraps a long label inside its cell over several lines (`│2.其他法律行政法 │0 │` then
`│规禁止公开       │  │`) and marks each row's end with a border line (`├────┼──┤`). Read line by line,
the label is cut in two and the row's end is lost; rebuilt from the borders, every row is whole.
A table ruled by dashes alone marks its columns by the runs of its rule line and leaves a blank
cell as blank space. Columns are found by display position: a CJK character takes two columns.
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


# ASCII borders: a border line of `+` corners and runs of `-`, `=` or `:`; a row line between `|`s.
# (A markdown table's `|---|---|` under its header is no border: its rows have none between them.)
_ASCII_BORDER = re.compile(r"^\s*\+(?:[-=:]*[-=][-=:]*\+)+\s*$")
_ASCII_ROW = re.compile(r"^\s*\|.*\|\s*$")
_ASCII_TO_BOX = str.maketrans("+|-=:", "┼│───")
# pandoc ends a cell's line with `\` where the cell's text breaks: not part of the text.
_HARD_BREAK = re.compile(r"\\(\s*)\|")
# A rule of dashes alone: at least two runs, one space or more apart. Its runs are the columns.
_DASH_RULE = re.compile(r"^\s*-{3,}(?: +-{3,})+\s*$")
_DASH_RUN = re.compile(r"-{3,}")
_FULL_RULE = re.compile(r"^\s*-{3,}\s*$")
# How many lines a table ruled by dashes may run to between its rules.
_MAX_RULED_LINES = 200


def drawn_tables(text: str) -> list[Table]:
    lines = _ascii_as_box(text.split("\n"))
    tables = []
    for block in _drawn_blocks(lines):
        rows = _rows(block)
        if len(rows) >= _MIN_ROWS:
            tables.append(Table(rows=rows, where=f"drawn table {len(tables) + 1}"))
    for rows in _dash_ruled_tables(lines):
        if len(rows) >= _MIN_ROWS:
            tables.append(Table(rows=rows, where=f"drawn table {len(tables) + 1}"))
    return tables


def _ascii_as_box(lines: list[str]) -> list[str]:
    """Lines with each table drawn in ASCII (a border line, then rows and borders) drawn in
    box-drawing characters instead, so that one reader serves both."""
    out = list(lines)
    in_table = False
    for i, line in enumerate(lines):
        if _ASCII_BORDER.match(line):
            in_table = True
            out[i] = line.translate(_ASCII_TO_BOX)
        elif in_table and _ASCII_ROW.match(line):
            out[i] = _HARD_BREAK.sub(r" \1|", line).replace("|", "│")
        else:
            in_table = False
    return out


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


def _dash_ruled_tables(lines: list[str]) -> list[list[list[str]]]:
    """Tables ruled by dashes alone: from a rule whose runs mark the columns to the next rule, with
    any header lines right above the first. Each line is a row, or, where blank lines part the rows
    (a multiline table), each group of lines."""
    tables = []
    i = 0
    while i < len(lines):
        if not _DASH_RULE.match(lines[i]):
            i += 1
            continue
        end = next(
            (k for k in range(i + 1, min(len(lines), i + _MAX_RULED_LINES)) if _is_rule(lines[k])),
            None,
        )
        if end is None:
            i += 1
            continue
        start = i
        while start > 0 and lines[start - 1].strip() and not _is_rule(lines[start - 1]):
            start -= 1
        header = lines[start:i]
        body = lines[i + 1 : end]
        columns = [(m.start(), m.end()) for m in _DASH_RUN.finditer(lines[i])]
        tables.append([_cut(group, columns) for group in [*([header] if header else []), *_row_groups(body)]])
        i = end + 1
    return tables


def _is_rule(line: str) -> bool:
    return bool(_DASH_RULE.match(line) or _FULL_RULE.match(line))


def _row_groups(body: list[str]) -> list[list[str]]:
    """One line per row, or groups of lines parted by blank lines when the body has any."""
    if not any(not line.strip() for line in body):
        return [[line] for line in body]
    groups: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _cut(group: list[str], columns: list[tuple[int, int]]) -> list[str]:
    """A row's cells: each line cut where the rule's runs start (display columns), each cell's pieces
    joined in order."""
    starts = [start for start, _ in columns] + [None]
    cells = [""] * len(columns)
    for line in group:
        shown = _display(line)
        for c in range(len(columns)):
            piece = "".join(shown[starts[c] : starts[c + 1]]).strip()
            cells[c] += piece
    return cells


def _display(line: str) -> list[str]:
    """The line by terminal column: a wide character fills its second column with nothing."""
    out: list[str] = []
    for ch in line:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF":
            out.append("")
    return out
