"""Lines a printer or PDF tool puts on every page, not part of the report.

A browser's print adds the page's address, `2/13`, the time of printing and the page title to every
page; PDF tools keep page numbers (`— 5 —`, `第 5 页 共 7 页`). Left in, their digits land among a
table's cells wherever a table crosses a page.
"""

from __future__ import annotations

import re
from collections import Counter

from metrics.normalize import compact

# A browser's print time (`12/3/26, 10:53 PM`), which no report's text writes.
_PRINT_TIME = (
    r"(?:\d{1,4}[/-]){2}\d{1,4},?\s+(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
)
PAGE_MARK = re.compile(
    r"^\s*(?:"
    r"(?:file|https?)://\S+"  # the printed page's address
    r"|\d{1,3}\s*/\s*\d{1,3}"  # 2/13
    r"|(?:Page\s+)?\d{1,3}\s+of\s+\d{1,3}"  # Page 2 of 13 (Firefox's print)
    r"|[—–\-－~]{1,3}\s*\d{1,4}\s*[—–\-－~]{1,3}"  # — 5 —
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 5 页 共 7 页
    rf"|{_PRINT_TIME}"  # 12/3/26, 8:43 PM
    r")\s*$"
)
# A running title repeated by the printer stands within this many lines of a page mark.
_NEAR = 4
_MIN_TITLE_CHARS = 12
_TITLE_WORDS = ("报告", "報告", "年报", "年報")
_SIDE_BY_SIDE = re.compile(r"[ \t\u3000]{2,}")
_TITLE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
# A print time or page address that text extraction joined to the rest of its line with one space
# (`12/3/26, 10:53 PM 某局…年度报告_…`, `file:///….html 6/13`).
_LEADING_MARK = re.compile(rf"\s*(?:{_PRINT_TIME}|(?:file|https?)://\S+)\s+(?P<rest>\S.*)")
# A print time opening a line opens the printer's running head, whatever page title follows it (a
# site's name, '一、总体情况'), not only a report's title.
_TIME_LED = re.compile(rf"\s*{_PRINT_TIME}\s+\S.*")


def drop_page_furniture(text: str) -> str:
    lines = text.split("\n")
    marks = [i for i, line in enumerate(lines) if _is_mark_line(line)]
    if not marks:
        return text
    near = {j for i in marks for j in range(i - _NEAR, i + _NEAR + 1)}
    repeated = Counter(line.strip() for line in lines if _is_title_like(line))
    running = {
        i
        for i in near
        if 0 <= i < len(lines) and _is_title_like(lines[i]) and repeated[lines[i].strip()] >= 2
    }
    # The first showing of a title in the text may be the report's only title line: it stays.
    first = {}
    for i, line in enumerate(lines):
        first.setdefault(line.strip(), i)
    dropped = set(marks) | {i for i in running if first[lines[i].strip()] != i}
    printed = {compact(lines[i]) for i in set(marks) | running if _TITLE.search(lines[i])}
    return "\n".join(
        _without_printed_pieces(line, printed) if line.startswith("|") and _BREAK in line else line
        for i, line in enumerate(lines)
        if i not in dropped
    )


# A line break inside a Markdown table's cell, as PDF-to-Markdown converters write it.
_BREAK = "<br>"
# The fewest characters of a page's printed head that mark pieces of it inside a table's cells.
_MIN_PRINTED_PIECE = 8


def _without_printed_pieces(row: str, printed: set[str]) -> str:
    """A Markdown table row without the pieces of a page's printed head (its print time and running
    title) that a PDF-to-Markdown converter spread over the row's cells, one after each cell's last
    line break (`|4.保护第<br>三方合法<br>权益<br>平潭综合实验区市场监|0<br>督管理局2|0<br>023年度政|…`):
    the longest run of cells up to the row's end whose last pieces spell a part of such a line goes,
    and the cells keep the lines before it."""
    cells = row.split("|")
    last = len(cells) - 1 if not cells[-1].strip() else len(cells)
    for start in range(1, last):
        pieces = [cell.rsplit(_BREAK, 1)[-1] for cell in cells[start:last]]
        spelled = compact("".join(pieces))
        if len(spelled) >= _MIN_PRINTED_PIECE and any(spelled in line for line in printed):
            for k in range(start, last):
                cells[k] = cells[k].rsplit(_BREAK, 1)[0] if _BREAK in cells[k] else ""
            return "|".join(cells)
    return row


def is_furniture(line: str) -> bool:
    """A line a printer puts at a page's head or foot: a page mark, or a running title."""
    return _is_mark_line(line) or _is_title_like(line)


def _is_mark_line(line: str) -> bool:
    """A page mark alone, or, in layout-preserving text, marks and a running title set side by side
    (`file:///….html      5/13`, `12/3/26, 8:43 PM      某局2023年…年度报告_…`)."""
    if PAGE_MARK.match(line) or _TIME_LED.fullmatch(line):
        return True
    joined = _LEADING_MARK.fullmatch(line)
    if joined and (PAGE_MARK.match(joined["rest"]) or _is_title_like(joined["rest"])):
        return True
    parts = [p for p in _SIDE_BY_SIDE.split(line.strip()) if p]
    return (
        len(parts) > 1
        and any(PAGE_MARK.match(p) for p in parts)
        and all(PAGE_MARK.match(p) or _is_title_like(p) for p in parts)
    )


def _is_title_like(line: str) -> bool:
    """A report's title: a row of numbers or a table's header row repeats on pages too, but is kept."""
    return len(_TITLE.findall(line)) >= _MIN_TITLE_CHARS and any(w in line for w in _TITLE_WORDS)
