from __future__ import annotations

import functools
import itertools
import os
import re
from collections import deque
from dataclasses import dataclass

from metrics.extract.standard.cells import (
    CJK,
    COLUMN_IDS,
    COLUMN_ZH,
    DIGIT,
    N_COLUMNS,
    NOTE,
    NUMBERING_AT_END,
    NUMBERING_BEFORE,
    ROW_NUMBER,
    Reading,
    count_value,
    has_merged_cell,
    is_count_cell,
    is_sentence,
    loose_tokens,
    pipe_cells,
    read_cells,
    read_tokens,
    unknown_row,
)
from metrics.extract.standard.source import Hit, Source, alternation, find_hits, first_of
from metrics.models import Fact, Flag, Table
from metrics.normalize import compact
from metrics.templates import REQUESTER_COLUMNS, SECTION3_ROWS, SECTION4_COLUMNS, section3_rows
from metrics.templates.standard import (
    SECTION2_CELLS,
    SECTION3_GROUP_CELLS,
    SECTION3_START,
    SECTION4_START,
    STD2019,
    STD2021,
)


@dataclass(frozen=True)
class Section3Layout:
    pattern: re.Pattern
    keys: dict[str, str]  # compact label -> metric id
    generic: frozenset[str]  # labels that also occur inside headers or other labels
    parents: dict[str, tuple[str, ...]]  # parent metric -> its sub-rows
    order: tuple[str, ...]


@functools.cache
def section3_layout(fmt: str) -> Section3Layout:
    rows = section3_rows(fmt)
    keys: dict[str, str] = {}
    for row in rows:
        for label in row.labels:
            keys.setdefault(compact(label), row.metric_id)
    headers = [compact(zh) for _, zh, _ in REQUESTER_COLUMNS] + [compact(zh) for _, zh in SECTION4_COLUMNS]
    generic = frozenset(
        label
        for label, metric in keys.items()
        if any(label in h for h in headers) or any(label in other and keys[other] != metric for other in keys)
    )
    parents = {r.metric_id: tuple(c.metric_id for c in rows if c.parent == r.metric_id) for r in rows}
    return Section3Layout(
        alternation(keys),
        keys,
        generic,
        {p: k for p, k in parents.items() if k},
        tuple(r.metric_id for r in rows),
    )


_REQUESTER_HEADS = tuple(compact(zh) for _, zh, _ in REQUESTER_COLUMNS[:-1])
_TOTAL_HEAD = compact(REQUESTER_COLUMNS[-1][1])


def with_total_column(table: Table) -> Table:
    """Section 三 with its 总计 column cut off (a wide table printed past the page's right edge): the
    header ends with the six requester columns and names no 总计. A blank 总计 cell is then added to
    every row, which the reader fills with the sum of the row's six cells (the columns identity) and
    marks as derived; a table with its 总计 is returned as it is."""
    for index, row in enumerate(table.rows):
        heads = [compact(c) for c in row]
        if tuple(heads[-len(_REQUESTER_HEADS) :]) == _REQUESTER_HEADS:
            above = table.rows[: index + 1]
            if any(compact(c) == _TOTAL_HEAD for r in above for c in r):
                return table
            return Table([r + [""] for r in table.rows], table.where)
    return table


def join_continued_rows(table: Table) -> Table:
    """A row cut by a page break (PDF tables): the label's last characters stand in a row of their own
    with no values (`4.保护第三方合法` | 0 | 0 … then `权益` | | …). Such a piece is joined to the row
    above when it completes a section 二 or 三 label there; a row printed blank under its own label stays."""
    labels = _wrapped_row_labels()
    rows: list[list[str]] = []
    for row in table.rows:
        joined = _continued(rows[-1], row, labels) if rows else None
        if joined is None:
            rows.append(list(row))
        else:
            rows[-1] = joined
    return table if len(rows) == len(table.rows) else Table(rows, table.where)


def _continued(above: list[str], row: list[str], labels: tuple[str, ...]) -> list[str] | None:
    """`above` with the label pieces of `row` appended, or None when `row` is a row of its own."""
    if len(row) != len(above) or DIGIT.search("".join(row)):  # a digit in any of its cells
        return None
    joined = list(above)
    completed = False
    for col, (top, piece) in enumerate(zip(above, row, strict=True)):
        if not piece.strip() or piece == top:
            continue
        if not top.strip():
            return None  # a label under a blank cell opens a row (a blank row's next sibling)
        head = compact(ROW_NUMBER.sub("", top))
        whole = head + compact(piece)
        numbering = _PARENT_NUMBERING.match(whole)
        if not (numbering and numbering.end() >= len(head)) and not _spans_any(whole, labels, len(head)):
            return None
        joined[col] = top + piece
        completed = True
    return joined if completed else None


_PARENT_NUMBERING = re.compile(r"\([一二三四五六七八九十]{1,3}\)")


# A line of a table's numbers alone (PDF text), and the digit-free tail of a wrapped label.
_NUMBERS_LINE = re.compile(r"[ \t|]*\d[\d,. \t|]*")
# A Markdown table's rule under its first row (| --- | :-: |): no words, so no header.
_RULE_LINE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*")
_LABEL_TAIL_CHARS = 30
# How many lines a label's head or tail may take around its numbers (narrow label columns wrap
# 要求行政机关确认或重新出具已获取信息 over seven).
_MAX_TAIL_LINES = 5
# A narrow numbering column that text extraction set into the middle of its row's label
# (`属于国 1. 家秘密`, `危及 三 3. “ 安全一稳定 ”`). The blank comes first in the pattern, so the regex
# engine scans for blanks rather than trying the look-behind at every character.
_NUMBERING_INSIDE_LABEL = re.compile(
    r"[ \t](?<=[\u4e00-\u9fff].)[ \t]*\d{1,2}[.．][ \t]+(?=[\"“”]?[ \t]*[\u4e00-\u9fff])"
)
_LEADING_ROW_NUMBER = re.compile(r"^[ \t]*\d{1,2}[.．][ \t]+")


# A row's numbering alone on a line (`3.`, `3. “`).
_NUMBERING_LINE = re.compile(r"[ \t]*\d{1,2}[.．][ \t]*[\"“”]?[ \t]*")


# A label's note left open at the end of a line (`（二）部分公开（区分处理的，`), closed on the next.
_OPEN_NOTE = re.compile(r"[（(][^（()）\d]*$")
_NOTE_TAIL = re.compile(r"^[^（()）\d]*[）)]\s*$")


def join_wrapped_notes(lines: list[str]) -> list[str]:
    """A label's parenthesised note wrapped onto the next line (`（二）部分公开（区分处理的，` /
    `只计这一情形，不计其他情形）`) would stand between the label and the numbers below it; the
    note's tail joins its label's line."""
    out: list[str] = []
    for line in lines:
        if out and _OPEN_NOTE.search(out[-1]) and _NOTE_TAIL.match(line.strip()):
            out[-1] += line.strip()
        else:
            out.append(line)
    return out


def drop_numbering_lines_inside_labels(lines: list[str]) -> list[str]:
    """A narrow numbering column that PDF text sets on a line of its own between two lines of its
    row's wrapped label (`危及 三` / `3. “` / `安全一稳`) would split the label; such lines go."""
    return [
        line
        for i, line in enumerate(lines)
        if not (
            0 < i < len(lines) - 1
            and _NUMBERING_LINE.fullmatch(line)
            and all(_is_label_piece(lines[k]) for k in (i - 1, i + 1))
        )
    ]


def _is_label_piece(line: str) -> bool:
    piece = compact(line)
    return bool(piece) and CJK.search(piece) is not None and not DIGIT.search(piece)


# How many lines the pieces of one wrapped group cell may spread over.
_GROUP_PIECE_WINDOW = 10
# A line's words, then the numbers of the row printed beside them (`无法提 0 0 0 0 0 0 0`).
_WORDS_THEN_NUMBERS = re.compile(r"(?P<words>[^\d]*?)(?P<rest>(?:[ \t]+\d[\d,.]*)*)[ \t]*")
# A group cell's piece at the head of a line, before a space or the numbering of the sub-row label
# beside it (`(三)不1.属于国家秘密`, `法提供 行制作`, `三、本年度 (一)予以公开 6 0 …`).
_NUMBERING = r"[(（][一二三四五六七八九十]+[)）]"
_PIECE_BEFORE_LABEL = re.compile(
    rf"[ \t]*(?P<words>(?:{_NUMBERING}|[一二三四五六七八九十]+、)[\u4e00-\u9fff]*?|[\u4e00-\u9fff]+?)"
    rf"(?P<rest>(?:[ \t\u3000]+|(?=\d{{1,2}}[.．])|(?={_NUMBERING})).*)"
)


def drop_group_cell_pieces(lines: list[str]) -> list[str]:
    """PDF text sets the pieces of a group cell that spans several rows (`(三)` / `不予公` / `开`) on
    lines of their own between its sub-rows' label pieces, before a row's numbers (`无法提 0 0 0`) or
    before a sub-row's label (`(三)不1.属于国家秘密`), so those labels are never whole. Where such
    pieces spell a group cell in order (two lines at least), they are dropped and the rest of their
    lines stays."""
    out = list(lines)
    compacted = [compact(line) for line in out]  # kept in step with `out`, read once per group cell
    for cell in SECTION3_GROUP_CELLS:
        spellings = (compact(cell), compact(_GROUP_NUMBERING.sub("", cell)))
        firsts = tuple(spelling[0] for spelling in spellings)
        for i in range(len(out)):
            # A chain's first piece opens its line: most lines cannot start one (a cheap test first).
            if not compacted[i].startswith(firsts):
                continue
            for k, rest in _group_chain(out, i, spellings):
                # Where the rest is the line's end, it keeps its columns (layout text's cells are
                # placed by them).
                kept = len(out[k]) - len(rest) if out[k].endswith(rest) and rest.strip() else 0
                out[k] = (" " * kept + rest).rstrip() if kept else rest.strip()
                compacted[k] = compact(out[k])
    return [line for i, line in enumerate(out) if line or not lines[i].strip()]


_GROUP_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")


@functools.lru_cache(maxsize=1 << 14)
def _group_pieces(line: str) -> tuple[tuple[str, str], ...]:
    """The ways a line may hold a piece of a group cell: (the piece, the rest of the line). Cached:
    a line is read again for every group cell and every chain that may pass through it."""
    out = []
    for pattern in (_WORDS_THEN_NUMBERS, _PIECE_BEFORE_LABEL):
        m = pattern.fullmatch(line)
        if m and compact(m["words"]):
            out.append((compact(m["words"]), m["rest"]))
    return tuple(out)


def _numbered_head(line: str, spelling: str) -> list[tuple[str, str]]:
    """A group cell's numbered first piece run into the tail of the label beside it, with nothing
    between them (`(三)不` and `益` on one line: `(三)不益`): the piece, and the tail as the rest."""
    text = compact(line)
    numbering = _GROUP_NUMBERING.match(spelling)
    if not numbering or not text.startswith(numbering.group()):
        return []
    n = len(os.path.commonprefix([text, spelling]))
    rest = text[n:]
    if n <= len(numbering.group()) or not rest or DIGIT.search(rest) or not CJK.match(rest):
        return []
    return [(spelling[:n], rest)]


def _group_chain(lines: list[str], start: int, spellings: tuple[str, ...]) -> list[tuple[int, str]]:
    """The lines from `start` whose pieces spell one of `spellings` in order, other lines between
    them skipped, each with what stays of it; empty when they do not."""
    for spelling in spellings:
        for first, rest in (*_group_pieces(lines[start]), *_numbered_head(lines[start], spelling)):
            if not spelling.startswith(first) or first == spelling:
                continue
            chain, spelled = [(start, rest)], first
            for k in range(start + 1, min(len(lines), start + _GROUP_PIECE_WINDOW)):
                piece = next(
                    ((p, r) for p, r in _group_pieces(lines[k]) if spelling.startswith(spelled + p)), None
                )
                if piece:
                    chain.append((k, piece[1]))
                    spelled += piece[0]
                    if spelled == spelling:
                        return chain
    return []


def rejoin_wrapped_labels(text: str) -> str:
    """PDF text sets a row's numbers midway down its wrapped label (`1.本机关不掌握相` / `0 0 0 0 0 0 0`
    / `关政府信息`), so the label is never whole. Where the lines after a numbers line complete a
    section 二 or 三 label begun on the lines before it, the numbers line moves below them. Numbering set
    inside a label and the pieces of group cells between its lines are dropped."""
    lines = _NUMBERING_INSIDE_LABEL.sub("", text).split("\n")
    layout = sum(1 for line in lines if _LAYOUT_ROW.search(line)) >= _LAYOUT_ROWS
    if layout:
        # Layout text sets blank lines inside a wrapped label, where its pieces stand apart; in
        # other text a blank line may be a blank cell, and stays.
        lines = [line for line in lines if line.strip(" ")]
    lines = drop_numbering_lines_inside_labels(
        join_split_numbers(drop_group_cell_pieces(join_wrapped_notes(lines)))
    )
    labels = _wrapped_row_labels()
    i = 1
    while i < len(lines) - 1:
        middle, numbers = _label_piece_and_numbers(lines[i])
        if numbers:
            tail = _label_tail(lines, i, labels, middle)
            if tail:
                # A label wrapped over three lines or more sets its numbers beside a middle piece
                # (`3.危及"三` / `安全一稳 0 0 0` / `定"`): the piece stays in the label.
                lines[i : i + tail + 1] = (
                    ([middle] if middle else []) + lines[i + 1 : i + tail + 1] + [numbers]
                )
                head = _head_start(lines, i)
                # The row's numbering alone on a line inside the label would break it apart.
                lines[head:i] = [line for line in lines[head:i] if not ROW_NUMBER.fullmatch(line.strip())]
                i = head + tail + 1
            elif layout and middle and _label_finished_beside(lines, i, labels, middle):
                # Layout text: a label begun above and finished by the piece beside its numbers
                # (`申请人无正当理由逾期不` / `1.` / `补正、行政机关不再处理其 0 0 0`): the piece joins
                # the label's lines and the numbers go below it. (Other text prints a label's last
                # line beside its numbers so, and is read as it stands.)
                head = _head_start(lines, i)
                kept = [line for line in lines[head:i] if not ROW_NUMBER.fullmatch(line.strip())]
                lines[head : i + 1] = [*kept, middle, numbers]
                i = head + len(kept) + 1
        i += 1
    return "\n".join(_rejoin_tails_after_numbers(lines, labels))


def _label_finished_beside(lines: list[str], i: int, labels: tuple[str, ...], middle: str) -> bool:
    """A row label begins on the lines above numbers line i and ends in `middle`, the piece beside
    its numbers."""
    head = _label_head(lines, i)
    joined = head + compact(_QUOTES.sub("", middle))
    return bool(head) and _spans_any(joined, labels, len(head))


_MIN_ROW_NUMBERS = 2
# A section 三 row's cells: the requesters' columns and their total.
_ROW_WIDTH = len(REQUESTER_COLUMNS)
# How many lines of a wrapped label may stand between the two parts of its row's numbers.
_SPLIT_ROW_GAP = 3


def join_split_numbers(lines: list[str]) -> list[str]:
    """Layout text (pdftotext -layout) may set a row's first cells beside one line of its wrapped label
    and the rest beside a later one (`其他法律行政法 0` / `2.` / `规禁止公开   0 0 0 0 0 0`). Where two
    such lines hold one row's cells between them, left of and right of each other, with only pieces of
    the label between, they become one line: the label's pieces (numbering first), then the cells in
    order. Pieces above the first line join too where a row label begun there goes on in them."""
    out = list(lines)
    for i, line in enumerate(out):
        first = _cells_at_end(line)
        if first is None or not 0 < len(first.numbers) < _ROW_WIDTH:
            continue
        rest = _rest_of_row(out, i, first)
        if rest is None:
            continue
        j, second = rest
        pieces = [first.words, *out[i + 1 : j], second.words]
        start = _label_begun_above(out, i, compact(ROW_NUMBER.sub("", "".join(pieces))))
        pieces = out[start:i] + pieces
        numbering = [m.group() for p in pieces for m in ROW_NUMBER.finditer(p)][:1]
        words = [compact(ROW_NUMBER.sub("", p)) for p in pieces]
        indent = line[: len(line) - len(line.lstrip())]
        out[j] = indent + "".join(numbering + words) + "  " + "  ".join(first.numbers + second.numbers)
        out[start:j] = [""] * (j - start)
    return [line for line in out if line]


@dataclass(frozen=True)
class _CellsAtEnd:
    """A layout line's label part and the numbers after it, with the columns where they start and end."""

    words: str
    numbers: tuple[str, ...]
    start: int
    end: int


def _rest_of_row(lines: list[str], i: int, first: _CellsAtEnd) -> tuple[int, _CellsAtEnd] | None:
    """The line after line i that holds the rest of its row's cells, right of line i's, with only
    pieces of a label between; None if there is none."""
    for j in range(i + 1, min(len(lines), i + 2 + _SPLIT_ROW_GAP)):
        second = _cells_at_end(lines[j])
        if second is None:
            if _NUMBERING_LINE.fullmatch(lines[j]) or _is_label_piece(lines[j]):
                continue
            return None
        fits = len(first.numbers) + len(second.numbers) == _ROW_WIDTH and first.end < second.start
        return (j, second) if fits else None
    return None


def _label_begun_above(lines: list[str], i: int, words: str) -> int:
    """The first of the label pieces right above line i (as `_head_start` walks them) that begin a row
    label `words` goes on with (i itself if none)."""
    labels = _wrapped_row_labels()
    for start in range(i - 1, _head_start(lines, i) - 1, -1):
        head = _label_head_from(lines, start, i)
        if head and _spans_any(head + words, labels, len(head)):
            return start
    return i


@functools.lru_cache(maxsize=1 << 14)
def _cells_at_end(line: str) -> _CellsAtEnd | None:
    """A layout line's label part and the numbers after it (a piece of a label alone, or a line with
    digits inside its words, is None). Cached: each line is read again as the next row's rest."""
    m = _WORDS_THEN_CELLS.fullmatch(line)
    if m is None or not m["numbers"].strip() or DIGIT.search(ROW_NUMBER.sub("", m["words"])):
        return None
    numbers = m["numbers"]
    start = m.start("numbers") + len(numbers) - len(numbers.lstrip())
    return _CellsAtEnd(m["words"], tuple(numbers.split()), start, m.start("numbers") + len(numbers.rstrip()))


_WORDS_THEN_CELLS = re.compile(r"(?P<words>.*?)(?P<numbers>(?:(?:^|[ \t]+)\d[\d,]*)+)[ \t]*")


def _label_piece_and_numbers(line: str) -> tuple[str, str]:
    """A line of numbers alone (`0 0 0`), or of a short piece of a label and numbers (`安全一稳 0 0 0`):
    the piece ('' if none) and the numbers; ('', '') for any other line."""
    if _NUMBERS_LINE.fullmatch(line):
        return "", _LEADING_ROW_NUMBER.sub("", line)
    row = _LABEL_THEN_NUMBERS.fullmatch(line)
    if row is None or "|" in line:
        return "", ""
    piece, numbers = row["label"].strip(), row["numbers"].strip()
    if len(compact(piece)) > _LABEL_TAIL_CHARS or DIGIT.search(piece) or not CJK.search(piece):
        return "", ""
    # A lone number beside a piece of a label may be any cell of the row (text that reorders a
    # table's cells sets them so): only a row's numbers together say the piece is the label's middle.
    if len(numbers.split()) < _MIN_ROW_NUMBERS:
        return "", ""
    return piece, numbers


# A row in layout text: its label, then its numbers on the same line (`2.其他法律行政法规禁  0  0 …`).
_LABEL_THEN_NUMBERS = re.compile(r"(?P<label>.*[^\d\s.,])(?P<numbers>(?:[ \t]+\d[\d,.]*)+)[ \t]*")
# Columns of layout text (w3m, pdftotext -layout) stand two or more spaces apart.
_LAYOUT_GAP = re.compile(r"[ \t\u3000]{2,}")
# A table row of layout text: numbers in columns two spaces apart or more; a text with a few such
# rows is layout text.
_LAYOUT_ROW = re.compile(r"\d(?: {2,}\d[\d,]*){3,}")
_LAYOUT_ROWS = 3


def _rejoin_tails_after_numbers(lines: list[str], labels: tuple[str, ...]) -> list[str]:
    """Layout text prints a row's numbers beside the first line of its wrapped label and the label's
    tail on the next line, in the same column (`2.其他法律行政法规禁  0  0 …` / `止公开`). Where the
    tail completes a section 三 label, it joins the label before the numbers; pieces of other
    columns on the tail's line (a parent label wrapped beside it) stay where they are."""
    out = list(lines)
    for i in range(len(out) - 1):
        row = _LABEL_THEN_NUMBERS.fullmatch(out[i])
        following = out[i + 1].strip()
        if not row or not following or DIGIT.search(following):
            continue
        head = _LAYOUT_GAP.split(row["label"].strip())[-1]
        pieces = _LAYOUT_GAP.split(following)
        joined = compact(ROW_NUMBER.sub("", head))
        if _spans_any(joined + compact(pieces[-1]), labels, len(joined)):
            out[i] = row["label"] + pieces[-1] + row["numbers"]
            out[i + 1] = "  ".join(pieces[:-1])
    return out


def _label_tail(lines: list[str], i: int, labels: tuple[str, ...], middle: str = "") -> int:
    """How many lines after numbers line i finish a label that the lines before it begin, with
    `middle`, the label's piece beside the numbers, between (0: none)."""
    head = _label_head(lines, i)
    if not head:
        return 0  # a row's numbers after a whole row, not inside a wrapped label
    joined = head + compact(_QUOTES.sub("", middle))
    for n in range(1, _MAX_TAIL_LINES + 1):
        if i + n >= len(lines):
            return 0
        part = compact(lines[i + n])
        if not part and _QUOTES.sub("", lines[i + n]).strip() == "" and lines[i + n].strip():
            continue  # a closing quote on a line of its own (`定` / `”`)
        if not part or len(part) > _LABEL_TAIL_CHARS or DIGIT.search(part) or not CJK.search(part):
            return 0
        joined += part
        cut = len(joined) - len(part)
        if _may_span(joined, labels, cut) and any(
            _spans(joined, label, cut) and joined.find(label) < len(head) for label in labels
        ):
            return n
    return 0


def _label_head(lines: list[str], i: int) -> str:
    """The label pieces on the lines before line i (a row's numbering alone on a line left out)."""
    return _label_head_from(lines, _head_start(lines, i), i)


def _label_head_from(lines: list[str], start: int, i: int) -> str:
    return "".join(_head_line(line)[0] for line in lines[start:i])


def _head_start(lines: list[str], i: int) -> int:
    """The first of the lines before line i that hold pieces of one label (or its numbering alone)."""
    start = i
    while start > max(0, i - _MAX_TAIL_LINES) and not _head_line(lines[start - 1])[1]:
        start -= 1
    return start


@functools.lru_cache(maxsize=1 << 14)
def _head_line(line: str) -> tuple[str, bool]:
    """A line before a row's numbers as a label's head: its piece of the label, and whether it ends
    the head (it holds digits or cells, or nothing, and is no row numbering). Cached: every numbers
    line reads the lines above it again."""
    line = _QUOTES.sub("", line)  # `3. “` is the row's numbering
    piece = compact(ROW_NUMBER.sub("", line))
    ends = not ROW_NUMBER.fullmatch(line.strip()) and (not piece or bool(DIGIT.search(piece)) or "|" in piece)
    return piece, ends


_QUOTES = re.compile(r"[\"“”'‘’]")


def _spans_any(joined: str, labels: tuple[str, ...], cut: int) -> bool:
    """One of the labels stands in `joined` across `cut`."""
    return _may_span(joined, labels, cut) and any(_spans(joined, label, cut) for label in labels)


def _may_span(joined: str, labels: tuple[str, ...], cut: int) -> bool:
    """Whether any label holds the two characters either side of `cut`, as a label across it must:
    most joins tried (a header row's cells, a line and the next) fail here, before a search per label."""
    return joined[max(cut - 1, 0) : cut + 1] in _pairs(labels)


@functools.cache
def _pairs(labels: tuple[str, ...]) -> frozenset[str]:
    """Every two adjacent characters of the labels."""
    return frozenset(label[i : i + 2] for label in labels for i in range(len(label) - 1))


def _spans(joined: str, label: str, cut: int) -> bool:
    """The label stands in `joined` across `cut`: begun before it, finished after it."""
    start = joined.find(label, max(0, cut - len(label) + 1))
    return 0 <= start < cut < start + len(label)


@functools.cache
def _wrapped_row_labels() -> tuple[str, ...]:
    """Row labels of sections 二 and 三 long enough to wrap in a narrow label column."""
    labels = {k for fmt in (STD2019, STD2021) for k in section3_layout(fmt).keys}
    labels |= {compact(label) for cell in SECTION2_CELLS for label in cell.row_labels}
    return tuple(label for label in labels if len(label) >= 4)


def section3_bounds(src: Source, layout: Section3Layout, whole: bool) -> tuple[int, int]:
    """Squeezed [lo, hi) of the big table: from its first row (the 本年新收 row in running text) to 四."""
    if whole:
        lo = 0
    else:
        lo = table_start(src, layout)
        if lo < 0:
            return -1, -1
    hi = first_of(src, SECTION4_START, lo)
    return lo, len(src.squeezed) if hi < 0 else hi


def table_start(src: Source, layout: Section3Layout) -> int:
    """The 本年新收 label that opens the table, not a mention of it in the prose before.

    In the table only numbers and numbering separate it from the 上年结转 label; prose has words.
    """
    new_rows = [
        h
        for h in find_hits(src, layout.pattern, layout.keys, 0, len(src.squeezed))
        if h.key in ("requests_new", "requests_carried_over")
    ]
    for hit, following in itertools.pairwise(new_rows):
        if hit.key == "requests_new" and following.key == "requests_carried_over":
            between = src.squeezed[hit.end : following.start]
            if len(between) < 200 and not re.search(r"[^\W\d_一二三四五六七八九十]", between):
                return hit.start
    heading = first_of(src, SECTION3_START)
    later = [h.start for h in new_rows if h.key == "requests_new" and h.start > heading]
    return later[0] if later else -1


# A sub-row's label has at least this many characters (重复申请 is among the shortest).
MIN_SUB_ROW_LABEL = 2


def accepted_hits(src: Source, layout: Section3Layout, lo: int, hi: int) -> list[Hit]:
    hits = [h for h in find_hits(src, layout.pattern, layout.keys, lo, hi) if keep_hit(src, layout, h)]
    hits = drop_header_lines(src, layout, hits)
    merged: list[Hit] = []
    for hit in hits:
        # A label repeated by a merged cell, or a heading above the same row: the last one carries the numbers.
        if merged and merged[-1].key == hit.key and not row_gap_has_numbers(src, merged[-1], hit):
            merged[-1] = hit
        else:
            merged.append(hit)
    return merged


def keep_hit(src: Source, layout: Section3Layout, hit: Hit) -> bool:
    """Generic labels (总计, 其他) count only as numbered rows or when numbers follow on their line; a
    parent's label followed on its line by a sub-row's label is no row of its own."""
    if hit.key in layout.parents and names_a_sub_row(src, hit):
        return False
    if hit.label not in layout.generic:
        return True
    if NUMBERING_BEFORE.search(src.squeezed[max(0, hit.start - 4) : hit.start]):
        return True
    after = src.squeezed[hit.end : hit.end + 1]
    if after.isdigit():
        return True
    if after == "|":
        line_end = src.norm.find("\n", src.norm_at(hit.end))
        return bool(re.search(r"\d", src.norm[src.norm_at(hit.end) : line_end if line_end >= 0 else None]))
    return False


def names_a_sub_row(src: Source, hit: Hit) -> bool:
    """Words between a parent's label and the numbers of its line (`（四）无法提供 | 3.补正后申请内容 | 0`):
    the numbers are that sub-row's, even where a wrapped or cut label matches none of the template's."""
    start = src.norm_at(hit.end - 1) + 1
    line_end = src.norm.find("\n", start)
    rest = ROW_NUMBER.sub(" ", NOTE.sub(" ", src.norm[start : line_end if line_end >= 0 else None]))
    digit = DIGIT.search(rest)
    return len(CJK.findall(rest[: digit.start() if digit else len(rest)])) >= MIN_SUB_ROW_LABEL


def drop_header_lines(src: Source, layout: Section3Layout, hits: list[Hit]) -> list[Hit]:
    """A `|` line naming several rows and holding no number is a header (`| 予以公开 | 部分公开 |`);
    an empty printed row names at most one row besides its parent."""
    by_line: dict[int, list[Hit]] = {}
    for hit in hits:
        by_line.setdefault(src.norm.rfind("\n", 0, src.norm_at(hit.start)), []).append(hit)
    dropped = set()
    for start, line_hits in by_line.items():
        end = src.norm.find("\n", start + 1)
        line = src.norm[start + 1 : end if end >= 0 else None]
        rows = {h.key for h in line_hits if h.key not in layout.parents}
        if len(rows) > 1 and "|" in line and not any(is_count_cell(c) for c in line.split("|")):
            dropped.update(id(h) for h in line_hits)
    return [h for h in hits if id(h) not in dropped]


def row_gap_has_numbers(src: Source, hit: Hit, following: Hit) -> bool:
    return bool(re.search(r"\d", gap_text(src, hit, src.norm_at(following.start))))


def gap_text(src: Source, hit: Hit, stop: int) -> str:
    """The text after a label (and its declared tail, where printed) up to `stop`, without the
    numbering of the row that follows."""
    end = hit.end
    tail = _label_tails().get(hit.key, "")
    if tail and src.squeezed.startswith(tail, end):
        end += len(tail)
    return NUMBERING_AT_END.sub("", src.norm[src.norm_at(end - 1) + 1 : stop])


@functools.cache
def _label_tails() -> dict[str, str]:
    return {row.metric_id: compact(row.tail) for row in SECTION3_ROWS if row.tail}


@dataclass
class RawRow:
    cells: list[str] | None  # separated cells of a `|` row
    tokens: list[str] | None  # numbers of loose text
    reliable: bool  # tokens were one per line
    own_line: bool  # on the line of the label itself
    text: str
    line: int  # the line of the gap it starts on (0: the label's own line)
    # A number may be several cells run together (see gap_rows).
    runs: bool = False


def gap_rows(gap: str, bordered: bool = True) -> list[RawRow]:
    """The rows of numbers in the text after a label: `|` rows, or else the loose numbers.
    `bordered`: whether the label's line opens with a `|`."""
    lines = gap.split("\n")
    rows: list[RawRow] = []
    loose: list[tuple[int, str]] = []
    blank_cells: list[tuple[int, str]] = []  # lines of spaces alone: an `&nbsp;` cell, one per line
    for index, line in enumerate(lines):
        if "|" in line and has_merged_cell(line):
            # A cell holding two numbers: a PDF-to-Markdown tool ran cells together, so a cell's place
            # no longer says its column; the row's numbers are read in order, as loose text is.
            rows.append(RawRow(None, loose_tokens(line), False, index == 0, line.strip(), index))
        elif "|" in line:
            cells = pipe_cells(line, label_line=index == 0, bordered=bordered if index == 0 else None)
            if cells is not None:
                rows.append(RawRow(cells, None, True, index == 0, line.strip(), index))
        elif index > 0 and line and not line.strip():
            blank_cells.append((index, ""))
        elif index == 0 or not is_sentence(line):
            loose.extend((index, t) for t in loose_tokens(line))
    if rows:
        return rows  # numbers outside the `|` rows of a markdown table are page numbers or notes
    one_per_line = len({i for i, _ in loose}) == len(loose)
    if one_per_line and blank_cells and len(loose) + len(blank_cells) == N_COLUMNS:
        # One cell per line with the blank cells kept as lines of spaces: the whole row, in order.
        slots = sorted(loose + blank_cells)
        own = slots[0][0] == 0
        return [RawRow([t for _, t in slots], None, True, own, " ".join(t for _, t in loose), slots[0][0])]
    if not loose:
        return rows
    tokens = [t for _, t in loose]
    own = loose[0][0] == 0
    text = " ".join(tokens)
    if one_per_line and len(tokens) > N_COLUMNS and len(tokens) % N_COLUMNS == 0:
        return [
            RawRow(None, tokens[i : i + N_COLUMNS], True, own and i == 0, text, loose[i][0])
            for i in range(0, len(tokens), N_COLUMNS)
        ]
    # One number right after the label's last character: text that kept no separator between cells
    # (a page's textContent) ran the row's cells together, so the number may be several cells.
    first_digit = re.search(r"\d", gap)
    runs = first_digit is not None and not gap[first_digit.start() - 1 : first_digit.start()].isspace()
    return [RawRow(None, tokens, one_per_line, own, text, loose[0][0], runs=runs)]


def opens_with_border(src: Source, hit: Hit) -> bool:
    """Whether the line of a label starts with a `|` (a markdown row), or with the label's own cell."""
    at = src.norm_at(hit.start)
    return src.norm[src.norm.rfind("\n", 0, at) + 1 : at].lstrip().startswith("|")


def cells_in_table_order(gaps: list[list[RawRow]]) -> bool:
    """A crawler's text of an HTML table: one cell per line, each label followed by exactly its row's
    cells, or by none (a parent, or a row whose blank cells were dropped). Text in the table's own
    order, row by row; PDF-to-text tools that reorder cells leave runs of other lengths somewhere, and
    a tool that prints each row's numbers before its label leaves the last label with none (and the
    first row's numbers above the first label, which the caller checks)."""
    rows = [r for gap in gaps for r in gap]
    return (
        bool(rows)
        and bool(gaps[-1])
        and all(
            len(gap) <= 1
            and all(r.tokens is not None and r.reliable and len(r.tokens) == N_COLUMNS for r in gap)
            for gap in gaps
        )
    )


def rows_right_below_labels(gaps: list[list[RawRow]]) -> bool:
    """PDF text of a table whose labels wrap: each row's numbers on its label's line or on the line
    right after it, every label with at most one row and the last label with its own. A reordering
    tool leaves numbers further down or none after the last label, so here the row below a label is
    that label's own, even where the report's figures do not add up."""
    return bool(gaps) and bool(gaps[-1]) and all(r.own_line or r.line == 1 for rows in gaps for r in rows)


def _numbers_line_before(src: Source, first: Hit) -> bool:
    """Whether cells stand right above the first label, before any line of words (the header); a
    Markdown table's rule between them is neither."""
    end = src.norm.rfind("\n", 0, src.norm_at(first.start))
    # Line by line upwards from the label, never splitting the whole text.
    while end > 0:
        start = src.norm.rfind("\n", 0, end) + 1
        line = src.norm[start:end]
        if _NUMBERS_LINE.fullmatch(line):
            return True
        if line.strip() and not _RULE_LINE.fullmatch(line):
            return False
        end = start - 1
    return False


def section3_readings(src: Source, fmt: str, whole: bool) -> tuple[dict[str, tuple[Reading, str]], int]:
    """Each row's reading with the printed label it came from, and where section 三 ends."""
    layout = section3_layout(fmt)
    lo, hi = section3_bounds(src, layout, whole)
    if lo < 0:
        return {}, -1
    hits = accepted_hits(src, layout, lo, hi)
    out: dict[str, tuple[Reading, str]] = {}
    pending_labels: deque[Hit] = deque()
    pending_rows: deque[RawRow] = deque()
    gaps = [
        gap_rows(
            gap_text(src, hit, src.norm_at(hits[i + 1].start) if i + 1 < len(hits) else src.norm_at(hi)),
            opens_with_border(src, hit),
        )
        for i, hit in enumerate(hits)
    ]
    # Cells right above the first label, before any line of words (the header).
    numbers_above = bool(hits) and _numbers_line_before(src, hits[0])
    if not whole and numbers_above and not gaps[-1]:
        # PDF text that prints each row's numbers above its label: the numbers after a label are the
        # next row's, so none is given to a row.
        return {}, hi
    # Numbers on the line below each label (PDF text): no label is followed by more than one row, so a
    # row belongs to the label right above it and a label with none is a row printed blank. Otherwise
    # labels and rows of numbers were printed apart, and rows go to the labels in order.
    below = all(sum(1 for r in rows if not r.own_line) <= 1 for rows in gaps)
    in_table_order = bool(hits) and not numbers_above and cells_in_table_order(gaps)
    row_per_label = below and not numbers_above and rows_right_below_labels(gaps)
    apart = False  # some row of numbers stands apart from its label

    blank_totals = bool(hits) and not numbers_above and prints_blank_cells(src, hits, gaps)

    def assign(hit: Hit, row: RawRow, queued: bool = False) -> None:
        if hit.key not in out:
            apart = not row.own_line and not in_table_order and not row_per_label
            reading = read_raw(row, blank_totals and (below or not apart))
            reading.apart = apart
            reading.queued = queued and reading.apart
            out[hit.key] = (reading, src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1))

    if not whole and numbers_above:
        # PDF text that prints some rows' numbers above their labels (a label wrapped over lines, its
        # numbers set at its middle) and others on the label's line: the numbers after a label may be
        # the next row's, so a row is read only where its numbers share its label's line.
        for hit, rows in zip(hits, gaps, strict=True):
            own = [r for r in rows if r.own_line]
            if own:
                assign(hit, own[0])
        return out, hi
    for hit, rows in zip(hits, gaps, strict=True):
        own = [r for r in rows if r.own_line]
        loose = [r for r in rows if not r.own_line]
        if own and continued_below(own[0], loose):
            assign(hit, loose[0])  # see continued_below
            continue
        if own:
            assign(hit, own[0])
        elif below and loose:
            assign(hit, loose[0])
            continue
        elif hit.key not in layout.parents:
            pending_labels.append(hit)
        if below:
            continue
        for row in loose:
            if pending_labels:
                assign(pending_labels.popleft(), row, queued=True)
            else:
                pending_rows.append(row)
        while pending_labels and pending_rows:
            assign(pending_labels.popleft(), pending_rows.popleft(), queued=True)
        apart = apart or bool(loose)
    # Where every row's numbers stand on (or right below) its label, a label left without numbers is a
    # row printed blank; where rows of numbers stand apart, its numbers may sit anywhere, so it stays out.
    # In a table that prints its zeros blank, such a row is all zeros.
    if not apart:
        for hit in pending_labels:
            row = blank_row() if blank_totals else unread_row()
            out.setdefault(hit.key, (row, src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1)))
    return out, hi


def continued_below(own: RawRow, loose: list[RawRow]) -> bool:
    """A label's `|` row with every cell empty, and the next `|` row holding the numbers: a label too
    long for its cell goes on in the row below (`|（二）部分公开（区分处理|||||||` /
    `||的，只计这一情形…|7|0|…|7|`, a PDF-to-Markdown tool's rows), so the empty row is no row
    printed blank."""
    return (
        own.cells is not None
        and not any(c.strip() for c in own.cells)
        and bool(loose)
        and loose[0].cells is not None
        and any(c.strip() for c in loose[0].cells)
    )


def unread_row() -> Reading:
    return unknown_row(N_COLUMNS, unread=True)


def blank_row() -> Reading:
    return Reading([0] * N_COLUMNS, [""] * N_COLUMNS, [False] * N_COLUMNS, blank=True)


def read_raw(row: RawRow, blank_totals: bool = False) -> Reading:
    if row.cells is not None:
        return read_cells(row.cells, (N_COLUMNS,))
    return read_tokens(row.tokens or [], N_COLUMNS, row.reliable, blank_totals=blank_totals, runs=row.runs)


# How far above the first row the table's header is looked for.
_HEADER_CHARS = 200


def prints_blank_cells(src: Source, hits: list[Hit], gaps: list[list[RawRow]]) -> bool:
    """Whether the text is of a table that prints its zeros blank, 总计 included, in the order it was
    printed: the table has its 总计 column (a converter that cut the table's right-hand columns off
    the page lost it) — its header names it, or a row holds every column's cell, blanks in place —
    and no cell prints a 0 or a zero mark (`/`, `—`, `无`; a table that writes its zeros leaves no
    cell blank). The caller also requires that no numbers stand above the first label (PDF text that
    sets each row's numbers above its label)."""
    header = src.squeezed[max(0, hits[0].start - _HEADER_CHARS) : hits[0].start]
    full_rows = any(r.cells is not None and len(r.cells) == N_COLUMNS for rows in gaps for r in rows)
    if compact(REQUESTER_COLUMNS[-1][1]) not in header and not full_rows:
        return False
    tokens = [t for rows in gaps for r in rows for t in (r.tokens or r.cells or [])]
    return bool(tokens) and not any(t.strip() and count_value(t) == 0 for t in tokens)


def is_sum_row(key: str, reading: Reading, layout: Section3Layout) -> bool:
    """A parent row printed empty (or unreadable) stands for the sum of its sub-rows, not for zeros."""
    return key in layout.parents and (reading.blank or all(v is None for v in reading.values))


def section3_facts(readings: dict[str, tuple[Reading, str]], fmt: str, where: str) -> list[Fact]:
    layout = section3_layout(fmt)
    facts: list[Fact] = []
    for key in layout.order:
        if key not in readings:
            continue
        reading, label = readings[key]
        if is_sum_row(key, reading, layout):
            continue  # a parent printed empty (or unreadable) is the sum of its sub-rows, below
        for col, value in enumerate(reading.values):
            if value is None:
                continue
            facts.append(
                Fact(
                    key,
                    value,
                    column=COLUMN_IDS[col],
                    derived=reading.derived[col],
                    evidence=row_evidence(where, label, col, reading),
                    note=settled_note(reading, col) or split_note(reading),
                )
            )
    return facts + parent_sums(facts, fmt, where)


def parent_sums(facts: list[Fact], fmt: str, where: str) -> list[Fact]:
    """A parent row not read (printed empty, or its label lost) is the sum of its sub-rows, in every
    column where each sub-row was read."""
    got = {(f.metric_id, f.column): f.value for f in facts if f.value is not None}
    out: list[Fact] = []
    for parent, kids in section3_layout(fmt).parents.items():
        for column in COLUMN_IDS:
            parts = [got.get((k, column)) for k in kids]
            if (parent, column) in got or None in parts:
                continue
            out.append(
                Fact(
                    parent,
                    sum(parts),
                    column=column,
                    derived=True,
                    evidence=f"{where}: sum of the sub-rows of {parent}, column {COLUMN_ZH[column]}",
                )
            )
    return out


def row_evidence(where: str, label: str, col: int, reading: Reading) -> str:
    head = f"{where}, row {label}, column {COLUMN_ZH[COLUMN_IDS[col]]}"
    if col in reading.settled:
        return f"{head}: {printed(reading)}; {settled_note(reading, col)}"
    if reading.derived[col]:
        return f"{head}: blank, the sum of the row's other cells"
    if reading.texts[col]:
        return f"{head}: {reading.texts[col]}"
    return f"{head}: {reading.values[col]} (from '{reading.run}')"


def split_note(reading: Reading) -> str:
    if not reading.candidates:
        return ""
    split = "|".join("?" if v is None else str(v) for v in reading.values)
    return f"cells run together in '{reading.run}'; read as {split}: {reading.why}"


def printed(reading: Reading) -> str:
    return "no number printed by the label" if reading.unread else f"'{reading.run}' does not fill the row"


def settled_note(reading: Reading, col: int) -> str:
    if col not in reading.settled:
        return ""
    return f"{reading.values[col]}, the only value the identity {reading.settled[col]} allows"


def split_flags(readings: dict[str, tuple[Reading, str]], where: str) -> list[Flag]:
    flags = []
    for key, (reading, label) in readings.items():
        shown = "|".join("?" if v is None else str(v) for v in reading.values)
        if reading.settled or reading.unread:
            flags.append(settled_flag(reading, key, f"{where}, row {label}: {printed(reading)}; ", shown))
        elif reading.candidates and None not in reading.values:
            flags.append(
                Flag(
                    "ambiguous_row",
                    f"{where}, row {label}: '{reading.run}' read as {shown}, {reading.why}",
                    key,
                    severity="info",
                )
            )
        elif None in reading.values:
            flags.append(
                Flag(
                    "ambiguous_row",
                    f"{where}, row {label}: '{reading.run}' cannot be split with "
                    f"certainty; only the cells shown are kept: {shown}",
                    key,
                )
            )
    return flags


def settled_flag(reading: Reading, key: str, head: str, shown: str) -> Flag:
    decided = "; ".join(dict.fromkeys(reading.settled.values()))
    by = f" ({decided})" if decided else ""
    if None in reading.values:
        return Flag(
            "ambiguous_row",
            f"{head}the table's identities do not fix every cell; only the cells shown are kept: {shown}{by}",
            key,
        )
    return Flag("ambiguous_row", f"{head}the table's identities give {shown}{by}", key, severity="info")
