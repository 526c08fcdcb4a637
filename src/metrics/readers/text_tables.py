"""Tables that an HTML-to-text tool flattened into plain text, rebuilt as grids.

Many crawlers save a page's table one cell per line, each cell followed by ` |`, a blank cell as a
lone `|`, and each row opened by a lone `|` line; a cell spanning columns carries extra pipes
(`第二十条第(一)项 | |||`). Read line by line, the cells of a row and the rows of a table are lost;
rebuilt as a grid they are read like any other table.
"""

from __future__ import annotations

import re

from metrics.models import Table

# One cell and its closing border (with any span padding), or a lone border.
_CELL_LINE = re.compile(r"^[ \t]*(?P<cell>[^|\n]*?)[ \t]*\|[ \t|]*$")
# A label or header cell: it has a word in it, where value cells hold numbers and blank marks.
_WORD = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z]")
# Too few cells to be a table of the report; and a block needs rows, which lone borders open.
MIN_CELLS = 6
MIN_BORDERS = 2


def tables_in_text(text: str) -> list[Table]:
    tables = []
    for block in _cell_blocks(text.split("\n")):
        rows = _rows(block)
        if rows:
            tables.append(Table(rows=_rectangular(rows), where=f"text table {len(tables) + 1}"))
    return tables


def _cell_blocks(lines: list[str]) -> list[list[str | None]]:
    """Runs of consecutive one-cell lines; a lone border is None. Blank lines do not break a run."""
    blocks: list[list[str | None]] = []
    current: list[str | None] = []
    for line in lines + ["end"]:
        if not line.strip() and current:
            continue
        m = _CELL_LINE.match(line)
        if m:
            current.append(m.group("cell") or None)
            continue
        if sum(c is not None for c in current) >= MIN_CELLS and current.count(None) >= MIN_BORDERS:
            blocks.append(current)
        current = []
    return blocks


def _rows(block: list[str | None]) -> list[list[str]]:
    """A lone border right before a word cell opens a row; any other lone border is a blank cell."""
    rows: list[list[str]] = []
    row: list[str] = []
    for index, cell in enumerate(block):
        following = block[index + 1] if index + 1 < len(block) else None
        if cell is None and following is not None and _WORD.search(following):
            if row:
                rows.append(row)
            row = []
        else:
            row.append(cell or "")
    if row:
        rows.append(row)
    return [r for r in rows if any(c.strip() for c in r)]


def _rectangular(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]
