"""Web-page tables inside text files.

A text file can hold a page's tables as HTML: HTML-to-Markdown converters write a table they cannot
draw in Markdown as raw HTML (pandoc's gfm does for any merged cell), and scrapers keep a page's
body in a JavaScript or JSON string (`var content = "<table><tr><td>821<\\/td>…"`). Stripped of its
tags such a table loses its empty cells (`<td>&nbsp;</td>`), and on one line with them which figure
stands in which column; laid out by the web-page reader it keeps every cell where it stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from metrics.models import Table
from metrics.readers import html

_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
# A string literal's escapes, as JavaScript and JSON write markup: \" \' \/ \n \t \r \\.
_STRING_ESCAPE = re.compile(r"\\([\"'/ntr\\])")
_UNESCAPED = {'"': '"', "'": "'", "/": "/", "n": "\n", "t": "\t", "r": "", "\\": "\\"}


@dataclass
class EmbeddedTables:
    text: str  # the text with each table's markup replaced by its cells' text, a row a line
    rest: str  # the text without the tables, for the readers of tables drawn in text
    tables: list[Table]


def embedded_tables(text: str) -> EmbeddedTables | None:
    """The HTML tables in `text`, or None when it holds no complete one."""
    if not _TABLE_TAG.search(text):  # most text files: no markup to look at
        return None
    text = _unescaped(text)
    spans = list(_outer_tables(text))
    if not spans:
        return None
    parts, rest, tables = [], [], []
    cells, done = 0, 0
    for start, end in spans:
        root = html.parse_markup(text[start:end])
        grids = html.tables_of(root, cells, first=len(tables) + 1)
        cells += sum(len(row) for table in grids for row in table.rows)
        tables += grids
        parts += [text[done:start], "\n", html.visible_text(root), "\n"]
        rest += [text[done:start], "\n"]
        done = end
    parts.append(text[done:])
    rest.append(text[done:])
    return EmbeddedTables(text="".join(parts), rest="".join(rest), tables=tables)


def _outer_tables(text: str):
    """(start, end) of each outermost <table>…</table>; a table nested in another is part of it."""
    depth, start = 0, 0
    for tag in _TABLE_TAG.finditer(text):
        if not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield start, tag.end()


def _unescaped(text: str) -> str:
    """A page as a string literal held it, unescaped (its prose too, whose lines the escapes joined);
    text whose markup is not escaped as it is."""
    # Escaped markup opens an attribute's value with =\" or closes an element with <\/.
    if '=\\"' not in text and "<\\/" not in text:
        return text
    return _STRING_ESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], text)
