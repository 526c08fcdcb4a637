from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from metrics.readers.ocr import UNREADABLE
from metrics.templates import REQUESTER_COLUMNS

COLUMN_IDS = tuple(c for c, _, _ in REQUESTER_COLUMNS)


COLUMN_ZH = {c: zh for c, zh, _ in REQUESTER_COLUMNS}


N_COLUMNS = len(REQUESTER_COLUMNS)


# A split search gives up beyond these bounds: a run with more readings than this is unreadable anyway.
MAX_READINGS = 64


MAX_SEARCH_STEPS = 50_000


MAX_PIECE_DIGITS = 9


# The numbering of the next row ("2.", "(三)", "四,") that sits just before its label.
NUMBERING_AT_END = re.compile(
    r"(?:\d[ \t]*[.,]|\([ \t]*[一二三四五六七八九十][ \t]*\)|[一二三四五六七八九十][ \t]*,)[ \t]*$"
)


NUMBERING_BEFORE = re.compile(r"(?:\d[.,]|\([一二三四五六七八九十]\)|[一二三四五六七八九十],)$")


# "1." before the words of a row label, or alone at the end of a line (PDF text sets a row's numbering
# apart from its wrapped label): a numbering, not a count; no count is printed with a point after it.
ROW_NUMBER = re.compile(r"(?<![\d.])\d{1,2}[ \t]*[.,](?=[ \t]*[\u4e00-\u9fff]|[ \t]*$)")


_SEPARATOR_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")


ZERO_MARK = re.compile(r"^(?:/|-|无|0)$")


_COUNT_CELL = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)\s*(?:件|个|次|人次|项|条)?$")
# A cell no count prints: a leading zero (`00`, `011`) is two cells a PDF's text ran together.
_RUN_CELL = re.compile(r"\s*0\d")


NOTE = re.compile(r"\([^()]*\)")


# Words a section 二 cell may hold besides its number; any other Chinese text after a row's numbers is
# the prose that follows the table, not a cell.
CELL_WORDS = re.compile(r"万元|元|件|笔|项|个|条|批次|批|不适用|无")


CJK = re.compile(r"[\u4e00-\u9fff]")


DIGIT = re.compile(r"\d")


# A printed number, or a blank cell's mark standing apart from any word.
CELL_TOKEN = re.compile(r"\d[\d,]*|(?<![\w\u4e00-\u9fff])(?:/|-|无)(?![\w\u4e00-\u9fff])")


_NUMBER_INTO_WORD = re.compile(r"\d[\u4e00-\u9fff]")


@dataclass
class Reading:
    """The cells of one printed row: `values[i]` None where the cell cannot be read with certainty."""

    values: list[int | None]
    texts: list[str]  # the printed text each value came from
    derived: list[bool]
    candidates: list[tuple[int, ...]] = field(default_factory=list)  # all readings of a run, if several
    run: str = ""  # the run of digits the row was split from, if it was
    why: str = "the only split whose requester cells add up to its 总计"  # how the split was chosen
    blank: bool = False  # every cell empty
    unread: bool = False  # the label is printed with no number by it
    settled: dict[int, str] = field(default_factory=dict)  # cell -> the identity that decided it
    apart: bool = False  # the numbers were not printed on their label's line
    queued: bool = False  # labels and rows of numbers were printed apart and matched in order


def unknown_row(width: int, run: str = "", unread: bool = False) -> Reading:
    """A row none of whose cells can be read with certainty."""
    return Reading([None] * width, [""] * width, [False] * width, run=run, unread=unread)


def split_run(digits: str, groups: tuple[int, ...], summed: bool) -> list[tuple[int, ...]] | None:
    """Every way to cut `digits` into sum(groups) numbers without leading zeros.

    With `summed`, the last number of each group must equal the sum of the others (a total column).
    Returns None when the search exceeds its bounds.
    """
    sizes = list(groups)
    out: list[tuple[int, ...]] = []
    steps = 0

    def walk(pos: int, group: int, index: int, partial: int, acc: list[int]) -> bool:
        nonlocal steps
        steps += 1
        if steps > MAX_SEARCH_STEPS or len(out) > MAX_READINGS:
            return False
        if group == len(sizes):
            if pos == len(digits):
                out.append(tuple(acc))
            return True
        size = sizes[group]
        if index == size:
            return walk(pos, group + 1, 0, 0, acc)
        cells_left = sum(sizes[group:]) - index
        if len(digits) - pos < cells_left:
            return True
        if summed and index == size - 1:
            total = str(partial)
            if digits.startswith(total, pos):
                return walk(pos + len(total), group + 1, 0, 0, acc + [partial])
            return True
        for length in range(1, min(MAX_PIECE_DIGITS, len(digits) - pos - cells_left + 1) + 1):
            piece = digits[pos : pos + length]
            if length > 1 and piece[0] == "0":
                break
            if not walk(pos + length, group, index + 1, partial + int(piece), acc + [int(piece)]):
                return False
        return True

    if not walk(0, 0, 0, 0, []) or len(out) > MAX_READINGS:
        return None
    return out


def consensus(candidates: list[tuple[int, ...]], width: int) -> list[int | None]:
    return [candidates[0][i] if len({c[i] for c in candidates}) == 1 else None for i in range(width)]


def is_count_cell(text: str) -> bool:
    return bool(_COUNT_CELL.match(text.strip()))


# Cached: cells repeat (0, blank, -) within a table and across reports.
@functools.lru_cache(maxsize=1 << 14)
def count_value(text: str) -> int | None:
    """A section 三/四 cell: blank and dash-like marks are 0; None when it is not a count."""
    text = text.strip()
    if not text or ZERO_MARK.match(text):
        return 0
    m = _COUNT_CELL.match(text)
    return int(m.group(1).replace(",", "")) if m else None


def read_cells(cells: list[str], groups: tuple[int, ...]) -> Reading:
    """A row whose cells are separated (a grid or a `|` row); each group ends with its total."""
    width = sum(groups)
    cells = list(cells)
    # Blank cells before the values are the label columns of merged label cells (三、本年度办理结果 |
    # （一）予以公开 | | 258 …); a blank after them may be a blank 总计, so those go first.
    while len(groups) == 1 and len(cells) > width and not cells[0].strip():
        cells.pop(0)
    while len(cells) > width and not cells[-1].strip():
        cells.pop()
    cells = cells[:width] if len(groups) > 1 else cells[-width:]
    if len(cells) < width:
        return read_tokens(cells, width, reliable=True, groups=groups)
    values = [None if _RUN_CELL.match(c) else count_value(c) for c in cells]
    # A cell OCR could not read is one cell whose figure is unknown: the others keep their places (read
    # as a run of digits, the row would close up over it, and its neighbours' figures shift into it).
    unreadable = [c.strip() == UNREADABLE for c in cells]
    if any(v is None and not gone for v, gone in zip(values, unreadable, strict=True)):
        return read_tokens(cells, width, reliable=False, groups=groups)
    derived = [False] * width
    pos = 0
    for size in groups:
        group = cells[pos : pos + size]
        if not group[-1].strip() and any(c.strip() for c in group[:-1]):
            parts = values[pos : pos + size - 1]
            values[pos + size - 1] = None if None in parts else sum(parts)
            derived[pos + size - 1] = True
        pos += size
    blank = all(not c.strip() for c in cells)
    return Reading(values, [c.strip() for c in cells], derived, blank=blank)


def read_tokens(
    tokens: list[str],
    width: int,
    reliable: bool,
    groups: tuple[int, ...] | None = None,
    blank_totals: bool = False,
    runs: bool = False,
) -> Reading:
    """Numbers whose separation may be lost: scraped runs (`640020470`) and rows that lost blank cells.

    `reliable` says the tokens were separated by cell borders or line breaks rather than spaces;
    `blank_totals` that a group's 总计 may be one of the lost blanks (see place_tokens); `runs` that
    a token may be several cells run together, so too few tokens are not read as lost blanks.
    """
    groups = groups or (width,)
    tokens = [t.strip() for t in tokens if t.strip()]
    values = [count_value(t) for t in tokens]
    clean = all(
        v is not None and (len(t) == 1 or not t.startswith("0")) for t, v in zip(tokens, values, strict=True)
    )
    if clean and len(tokens) == width and (reliable or totals_hold(values, groups)):
        return Reading(values, tokens, [False] * width)
    placed = (
        place_tokens(values, groups, blank_totals) if clean and 0 < len(tokens) < width and not runs else []
    )
    if placed and reliable:
        return read_lost_blanks(placed, tokens, width)
    digits = "".join(re.findall(r"\d", "".join(tokens)))
    unknown = unknown_row(width, " ".join(tokens))
    if placed:
        # Spaces may also have been lost between cells: the row is read only as far as every
        # reading, lost blanks or run-together cells, agrees (a search past its bounds agrees with none).
        runs = split_run(digits, groups, summed=True) if digits else []
        return read_lost_blanks(placed + (runs if runs is not None else [(None,) * width]), tokens, width)
    if not digits:
        return unknown
    candidates = split_run(digits, groups, summed=True)
    if not candidates:
        if clean and len(tokens) == width:
            return Reading(values, tokens, [False] * width)
        return unknown
    texts = ["" for _ in range(width)]
    return Reading(
        consensus(candidates, width), texts, [False] * width, candidates=candidates, run=" ".join(tokens)
    )


def totals_hold(values: list[int | None], groups: tuple[int, ...]) -> bool:
    pos = 0
    for size in groups:
        part = values[pos : pos + size]
        if None in part or sum(part[:-1]) != part[-1]:
            return False
        pos += size
    return True


def place_tokens(
    values: list[int], groups: tuple[int, ...], blank_totals: bool = False
) -> list[tuple[int, ...]]:
    """Every way to put the printed numbers, in order, into the row's cells when the other cells were
    blank (0) and lost, such that each group's total is the sum of its cells. A 总计 printed blank
    among lost blanks cannot be told from a lost 0, so a blank total is read as 0 here. With
    `blank_totals` (a table that prints its zeros blank, 总计 too), a row whose numbers fit no printed
    总计 has blank totals, each the sum of its group as in a grid; a printed 总计 that fits is
    preferred, since a last number equal to the sum of the others is that total."""
    printed = _placements(tuple(values), groups, False)
    return printed if printed or not blank_totals else _placements(tuple(values), groups, True)


def _placements(
    values: tuple[int, ...], groups: tuple[int, ...], blank_totals: bool
) -> list[tuple[int, ...]]:
    @functools.cache
    def rest(used: int, group: int) -> frozenset[tuple[int, ...]]:
        """The fillings of groups `group`.. with the numbers from `used` on."""
        if group == len(groups):
            return frozenset({()}) if used == len(values) else frozenset()
        size, cells_after = groups[group], sum(groups[group + 1 :])
        out: set[tuple[int, ...]] = set()
        for count in range(min(size, len(values) - used) + 1):
            if len(values) - used - count > cells_after:
                continue
            for kept in itertools.combinations(range(size), count):
                cells = [0] * size
                for slot, value in zip(kept, values[used : used + count], strict=True):
                    cells[slot] = value
                if blank_totals and size - 1 not in kept:
                    cells[-1] = sum(cells[:-1])
                if sum(cells[:-1]) == cells[-1]:  # group by group: a wrong guess is dropped early
                    out.update(tuple(cells) + tail for tail in rest(used + count, group + 1))
        return frozenset(out)

    return sorted(rest(0, 0))


def read_lost_blanks(placed: list[tuple[int | None, ...]], tokens: list[str], width: int) -> Reading:
    """A row that lost its blank cells: the cells every placement of its numbers agrees on (its 总计,
    and 0s when everything is 0); the others stay unknown for the table's identities to settle."""
    known = consensus(placed, width)
    if None not in known:
        return Reading(known, [str(v) for v in known], [False] * width)
    return Reading(known, [""] * width, [False] * width, run=" ".join(tokens))


def is_sentence(line: str) -> bool:
    """A line where a number runs straight into a Chinese word other than a unit (a page's running
    title with its year, `2019年`; a sentence): no row's cells. A wrapped label's tail before a row's
    numbers, or the next row's label after them, is set apart from the numbers."""
    line = NOTE.sub(" ", line)
    return any(not CELL_WORDS.match(line, m.end() - 1) for m in _NUMBER_INTO_WORD.finditer(line))


def loose_tokens(line: str) -> list[str]:
    line = ROW_NUMBER.sub(" ", NOTE.sub(" ", line))
    return CELL_TOKEN.findall(line)


# A table cell holding two or more numbers ('| 2 1 |'), and what any such cell holds somewhere.
_NUMBERS_APART = re.compile(r"\d[\d,.]*\s+\d")
_MERGED_CELL = re.compile(r"\s*\d[\d,.]*(?:\s+\d[\d,.]*)+\s*")


def has_merged_cell(line: str) -> bool:
    """Whether a `|` row holds a cell of several numbers: a PDF-to-Markdown tool ran cells together,
    so a cell's place no longer says its column (and pipe_cells would leave that cell out)."""
    if not _NUMBERS_APART.search(line):  # most rows: no two numbers stand in one cell
        return False
    return any(_MERGED_CELL.fullmatch(cell) for cell in line.split("|"))


def pipe_cells(line: str, label_line: bool, bordered: bool | None = None) -> list[str] | None:
    """The value cells of a `|` line (blank cells kept), or None when it holds no value.

    `bordered`: whether the printed row opens with a `|` (markdown); by default, whether this line
    does. A row that opens with its first cell (html2text, cells joined by ` | `) has no closing
    border either, so text after its last `|`, even blank, is its last cell (a blank 总计).
    """
    parts = line.split("|")
    head, middle, tail = parts[0], parts[1:-1], parts[-1]
    if bordered is None:
        bordered = not head.strip()
    last = [tail] if tail.strip() or not bordered else []
    cells = ([] if label_line or not head.strip() else [head]) + middle + last
    if not cells or all(_SEPARATOR_CELL.match(c) for c in cells):
        return None
    values = [c for c in cells if count_value(c) is not None or len(re.findall(r"\d", c)) > 3]
    if any(c.strip() for c in values):
        # In a row of figures, a cell OCR could not read (UNREADABLE) holds one too: left out, the row
        # would close up over it. (In a row of headings it is a heading, and is left out.)
        return [c for c in cells if c in values or c.strip() == UNREADABLE]
    if len(values) >= N_COLUMNS and len(values) == len(cells):
        return values  # a printed row with every cell empty
    return None
