"""Tables that an HTML-to-text tool flattened into plain text, rebuilt as grids.

Many crawlers save a page's table one cell per line, each cell followed by ` |`; a cell spanning
columns carries extra pipes (`第二十条第(一)项 | |||`, or `|||` on the next line). Some open each row
with a lone `|` line and print a blank cell as a lone `|`; others mark no rows at all. Read line by
line, the cells of a row and the rows of a table are lost; rebuilt as a grid they are read like any
other table.
"""

from __future__ import annotations

import re

from metrics.models import Table
from metrics.templates.standard import CHANGE_SIGNS, CHANGE_WORDS

# One cell and its closing border (with any span padding), or a lone border.
_CELL_LINE = re.compile(r"^[ \t]*(?P<cell>[^|\n]*?)[ \t]*\|[ \t|]*$")
# The borders a spanning cell adds, on a line of their own: they neither open a row nor make a cell.
_SPAN_PADDING = re.compile(r"^[ \t]*\|[ \t]*\|[ \t|]*$")
# A label or header cell: it has a word in it, where value cells hold numbers and blank marks.
_WORD = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z]")
# A value cell may carry a unit or a not-applicable word (`18.871万元`, `不适用`, `无`), or be a word for
# the change in the 2019 table's 本年增/减 column (`未增未减`), perhaps before its number (`增1558`).
_VALUE = re.compile(
    rf"^[\s+\-]*[\d,.]*\s*(?:万元|元|件|个|项|条|不适用|无|{'|'.join(CHANGE_WORDS)})?\s*$"
    rf"|^\s*(?:{'|'.join(CHANGE_SIGNS)})\s*\d[\d,]*\s*$"
)
_LONE_BORDER = re.compile(r"^[ \t]*\|[ \t]*$")
# A line without borders may still be a cell of the table (a header word, a count), when it is short
# and no sentence.
_MAX_BARE_CELL = 40
_SENTENCE = re.compile(r"[。；;！？]|[，,].*[，,]")
# A regulation article's caption (第二十条第(一)项, 第二十條 in a traditional page) spans its table's
# width: a row of its own.
_CAPTION = re.compile(r"^第[一二三四五六七八九十]+[条條]")
# A report section's heading (三、收到和处理政府信息公开申请情况) between two tables of one block; not
# a row of section 三, which its numbering looks alike (四、结转下年度继续办理).
_HEADING = re.compile(
    r"^[一二三四五六七八九十]{1,2}、(?:主动公开|主動公開|收到和处理|收到和處理|政府信息公开行政复议"
    r"|政府信息公開行政復議|存在的主要问题|存在的主要問題)"
)
# Share of the rows a lone border must open for the block to count as bordered.
_BORDERED_SHARE = 0.8
# Too few cells to be a table of the report; and a block needs rows, which lone borders open.
MIN_CELLS = 6
MIN_BORDERS = 2


def rows_rejoined(text: str) -> str:
    """A pipe row broken over lines, joined back into one line: where its blank cells each broke its
    line ('一、本年新收…数量 | 25 |', then '|' lines, then '| 25 |'), each break stood for a blank cell's
    border; where its label cell broke from its values ('规章 |', then '0 | 0 | 0 |'), the break was the
    label's own (a paragraph in the page's cell)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = i + 1
        while end < len(lines) and _LONE_BORDER.match(lines[end]):
            end += 1
        if (
            end > i + 1
            and end < len(lines)
            and _ROW_OPENING.match(lines[i])
            and _ROW_CLOSING.match(lines[end])
        ) or (end == i + 1 < len(lines) and _LABEL_CELL.match(lines[i]) and _is_values_row(lines[end])):
            out.append(" ".join(line.strip() for line in lines[i : end + 1]))
            i = end + 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _label_and_values(line: str) -> list[str] | None:
    """The cells of a line that is a whole row, its label and two or more values ('规章 | 0 | 0 | 0 |')."""
    label, bar, values = line.partition("|")
    if not bar or not _WORD.search(label) or _VALUE.match(label.strip()) or not _is_values_row(values):
        return None
    return [label.strip(), *(c.strip() for c in values.strip().removesuffix("|").split("|"))]


def _is_values_row(line: str) -> bool:
    """A line of two or more cells, each a value ('0 | 0 | 0 |')."""
    cells = line.strip().removesuffix("|").split("|")
    return (
        line.rstrip().endswith("|") and len(cells) >= 2 and all(c.strip() and _VALUE.match(c) for c in cells)
    )


# A row's label and its first cells, up to a border; and the last cells of the row, a figure among them.
_ROW_OPENING = re.compile(r"^[^|\n]*[\u4e00-\u9fff][^|\n]*\|(?:[^\n]*\|)?[ \t]*$")
_ROW_CLOSING = re.compile(r"^[ \t]*\|[^|\n]*\d[^\n]*\|[ \t]*$")
# A row's label alone on its line, closed by its border.
_LABEL_CELL = re.compile(r"^[ \t]*[^|\n]*[\u4e00-\u9fff][^|\n]*\|[ \t]*$")


def tables_in_text(text: str) -> list[Table]:
    tables = []
    blocks, open_at_end = _cell_blocks(text.split("\n"))
    for index, block in enumerate(blocks):
        rows = [row for part in _parts(block) for row in _rows(part)]
        if rows:
            cut = open_at_end and index == len(blocks) - 1
            tables.append(Table(rows=rows, where=f"text table {len(tables) + 1}", cut_at_end=cut))
    return tables


def _parts(block: list[str | None]) -> list[list[str | None]]:
    """The block cut before every article caption and section heading: one page may open each row of
    section 三 with a lone border and section 二's rows with none, so each part is read on its own."""
    parts: list[list[str | None]] = [[]]
    for cell in block:
        if cell is not None and (_CAPTION.match(cell) or _HEADING.match(cell)) and parts[-1]:
            parts.append([])
        parts[-1].append(cell)
    return parts


def _rows(part: list[str | None]) -> list[list[str]]:
    if _is_bordered(part):
        rows = _bordered_rows(part)
        return _rectangular(rows) if rows else rows
    # A blank cell cannot be seen without borders, so rows are not padded to one width; but a lone border
    # after a row's values, where borders open no rows, is the border of a blank cell of its own
    # ('規章 |' '0 |' '0 |' '|' under three columns).
    return _unbordered_rows(_with_blank_cells(part))


def _with_blank_cells(part: list[str | None]) -> list[str]:
    cells: list[str] = []
    for cell in part:
        if cell is not None:
            cells.append(cell)
        elif cells and _is_value(cells[-1]):
            cells.append("")
    return cells


def _cell_blocks(lines: list[str]) -> tuple[list[list[str | None]], bool]:
    """Runs of lines that each hold one cell; a lone border is None. A cell whose border went to the
    next line (`本年增/减` then `|`) is one cell; blank lines and span padding do not break a run. And
    whether the last run was still open where the text ended (an excerpt cut it)."""
    blocks: list[list[str | None]] = []
    current: list[str | None] = []
    bare_lead = 0  # cells before the run's first border: a heading above the table, when borders follow
    border_taken = False  # the line is the closing border of the cell before it
    for index, line in enumerate(lines):
        if border_taken:
            border_taken = False
            continue
        if current and (not line.strip() or _SPAN_PADDING.match(line)):
            continue
        row = _label_and_values(line)
        if row and current:  # a row printed whole among cells printed one a line ('规章 | 0 | 0 | 0 |')
            current.extend(row)
            continue
        cell = _one_cell(line) if line.strip() else None
        if cell is None:
            _keep_block(blocks, current, bare_lead)
            current, bare_lead = [], 0
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        border_taken = "|" not in line and bool(_LONE_BORDER.match(following))
        if bare_lead == len(current) and "|" not in line and not border_taken:
            bare_lead += 1
        current.append(cell or None)
    kept = len(blocks)
    _keep_block(blocks, current, bare_lead)
    return blocks, len(blocks) > kept


def _keep_block(blocks: list[list[str | None]], block: list[str | None], bare_lead: int) -> None:
    """A run with a border somewhere is a table, not a list of short lines. The bare lines before its
    first border are a heading (`二、主动公开政府信息情况`), not its first cells."""
    table = block[bare_lead:]
    if table and sum(c is not None for c in table) >= MIN_CELLS:
        blocks.append(table)


def _one_cell(line: str) -> str | None:
    """The cell a line holds ("" for a lone border), or None when the line is no single cell."""
    m = _CELL_LINE.match(line)
    if m:
        return m.group("cell")
    text = line.strip()
    if _VALUE.match(text) or (
        len(text) <= _MAX_BARE_CELL and _WORD.search(text) and not _SENTENCE.search(text)
    ):
        return text
    return None


def _is_bordered(block: list[str | None]) -> bool:
    """Lone borders open the rows: one stands before (nearly) every label that follows a value. A few
    stray borders in a block that marks no rows mean nothing."""
    cells = [c for c in block if c is not None]
    label_starts = sum(1 for a, b in zip(cells, cells[1:], strict=False) if _is_value(a) and not _is_value(b))
    opened = sum(
        1 for a, b in zip(block, block[1:], strict=False) if a is None and b is not None and not _is_value(b)
    )
    return opened >= MIN_BORDERS and opened >= _BORDERED_SHARE * label_starts


def _is_value(cell: str) -> bool:
    return not _WORD.search(cell) or bool(_VALUE.match(cell))


def _bordered_rows(block: list[str | None]) -> list[list[str]]:
    """A lone border right before a word cell opens a row; any other lone border is a blank cell. An
    article caption is a row of its own."""
    rows: list[list[str]] = []
    row: list[str] = []
    for index, cell in enumerate(block):
        following = block[index + 1] if index + 1 < len(block) else None
        if cell is not None and _CAPTION.match(cell):
            rows.extend([row, [cell]])
            row = []
        elif cell is None and following is not None and not _is_value(following):
            rows.append(row)
            row = []
        else:
            row.append(cell or "")
    rows.append(row)
    return [r for r in rows if any(c.strip() for c in r)]


def _unbordered_rows(cells: list[str]) -> list[list[str]]:
    """Rows with no borders: a row is its label (the last of a run of word cells) and the values after
    it; the words before the label are a header row of their own. A blank cell cannot be seen here, so
    a row short of cells stays short and no reader lines it up with a header."""
    rows: list[list[str]] = []
    words: list[str] = []
    values: list[str] = []
    for cell in cells:
        if _CAPTION.match(cell):
            rows.extend([words[-1:] + values, [cell]] if values else [words, [cell]])
            words, values = [], []
        elif not _is_value(cell):
            if values:
                rows.append(words[-1:] + values)
                words, values = [], []
            words.append(cell)
        else:
            if not values and len(words) > 1:
                rows.append(words[:-1])
            values.append(cell)
    rows.append(words[-1:] + values if values else words)
    return [r for r in rows if r]


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]
