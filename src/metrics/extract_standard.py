"""Figures of sections 二, 三 and 四 of the standard layouts (std2019, std2021).

Every source is read as text: a table grid becomes one `| a | b |` line per row, and the document
text is read as the reader produced it (markdown-like rows, labels and numbers on separate lines, or
scraped runs where the cells of a row run together). Row and column labels come from
metrics.templates; the numbers of a row are what lies between its label and the next label.
Tables are read first; the text fills in whatever they did not give.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import deque
from dataclasses import dataclass, field

from metrics.models import Document, Fact, Flag, Table
from metrics.normalize import compact, normalize
from metrics.templates import (
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    Section2Cell,
    identities_for,
    section2_cells,
    section3_rows,
)
from metrics.templates.standard import (
    SECTION2_HEADER,
    SECTION2_START,
    SECTION3_START,
    SECTION4_START,
    STD2019,
    STD2021,
    section4_metric,
)

COLUMN_IDS = tuple(c for c, _, _ in REQUESTER_COLUMNS)
COLUMN_ZH = {c: zh for c, zh, _ in REQUESTER_COLUMNS}
N_COLUMNS = len(REQUESTER_COLUMNS)
SECTION4_CELLS = tuple((g, c) for g, _ in SECTION4_GROUPS for c, _ in SECTION4_COLUMNS)
SECTION4_ZH = {(g, c): f"{gz} {cz}" for g, gz in SECTION4_GROUPS for c, cz in SECTION4_COLUMNS}

# A split search gives up beyond these bounds: a run with more readings than this is unreadable anyway.
MAX_READINGS = 64
MAX_SEARCH_STEPS = 50_000
MAX_PIECE_DIGITS = 9
MAX_COMBINATIONS = 4096
# The longest label cell of the standard tables has under 60 characters.
MAX_CELL_CHARS = 200

_NON_SPACE = re.compile(r"\S")
# Page footers ("— 5 —", "第 5 页 共 7 页") that PDF-to-text leaves between table rows.
_FOOTER = re.compile(r"(?m)^[ \t|]*-[ \t]*\d{1,3}[ \t]*-[ \t|]*$|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?")
# The numbering of the next row ("2.", "(三)", "四,") that sits just before its label.
_NUMBERING_AT_END = re.compile(r"(?:\d[ \t]*[.,]|\([ \t]*[一二三四五六七八九十][ \t]*\)|[一二三四五六七八九十][ \t]*,)[ \t]*$")
_NUMBERING_BEFORE = re.compile(r"(?:\d[.,]|\([一二三四五六七八九十]\)|[一二三四五六七八九十],)$")
# "1." before the words of a row label: a numbering, not a count.
_ROW_NUMBER = re.compile(r"(?<!\d)\d{1,2}[ \t]*[.,](?=[ \t]*[\u4e00-\u9fff])")
_SEPARATOR_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_ZERO_MARK = re.compile(r"^(?:/|-|无|0)$")
_COUNT_CELL = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)\s*(?:件|个|次|人次|项|条)?$")
_NOTE = re.compile(r"\([^()]*\)")
_AMOUNT = re.compile(r"(?P<num>[-+]?\d[\d,]*(?:\.\d+)?)(?:\s*(?P<unit>万元|元))?|(?P<na>不适用|/|-)|(?P<zero>无)")
# Words a section 二 cell may hold besides its number; any other Chinese text after a row's numbers is
# the prose that follows the table, not a cell.
_CELL_WORDS = re.compile(r"万元|元|件|笔|项|个|条|不适用|无")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
# A printed number, or a blank cell's mark standing apart from any word.
_CELL_TOKEN = re.compile(r"\d[\d,]*|(?<![\w\u4e00-\u9fff])(?:/|-|无)(?![\w\u4e00-\u9fff])")
_NUMBER_INTO_WORD = re.compile(r"\d[\u4e00-\u9fff]")


# ---------------------------------------------------------------- sources

@dataclass
class Source:
    """One text to read: `norm` is matched, `original` (same offsets when possible) feeds evidence."""

    where: str
    original: str
    norm: str
    squeezed: str  # norm without whitespace: labels broken over lines still match
    offsets: list[int]  # squeezed index -> norm index

    def span(self, lo: int, hi: int) -> str:
        return self.original[lo:hi].strip()

    def norm_at(self, squeezed_index: int) -> int:
        if squeezed_index >= len(self.offsets):
            return len(self.norm)
        return self.offsets[squeezed_index]


def make_source(where: str, text: str) -> Source:
    norm = _FOOTER.sub(lambda m: " " * len(m.group()), normalize(text))
    original = text if len(text) == len(norm) else norm
    offsets = [m.start() for m in _NON_SPACE.finditer(norm)]
    return Source(where, original, norm, "".join(norm[i] for i in offsets), offsets)


def grid_text(table: Table) -> str:
    return "\n".join("| " + " | ".join(cell.replace("|", " ").replace("\n", " ") for cell in row) + " |"
                     for row in table.rows)


@dataclass
class Hit:
    key: str
    label: str  # the compact label that matched
    start: int  # squeezed offsets
    end: int


def find_hits(src: Source, pattern: re.Pattern, keys: dict[str, str], lo: int, hi: int) -> list[Hit]:
    return [Hit(keys[m.group()], m.group(), m.start(), m.end()) for m in pattern.finditer(src.squeezed, lo, hi)]


def first_of(src: Source, words: tuple[str, ...], lo: int = 0, hi: int | None = None) -> int:
    """Squeezed offset of the earliest of `words` in [lo, hi), or -1."""
    hi = len(src.squeezed) if hi is None else hi
    found = [i for i in (src.squeezed.find(compact(w), lo, hi) for w in words) if i >= 0]
    return min(found) if found else -1


def alternation(labels) -> re.Pattern:
    return re.compile("|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True)))


# ---------------------------------------------------------------- cells and runs

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
            piece = digits[pos:pos + length]
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


def count_value(text: str) -> int | None:
    """A section 三/四 cell: blank and dash-like marks are 0; None when it is not a count."""
    text = text.strip()
    if not text or _ZERO_MARK.match(text):
        return 0
    m = _COUNT_CELL.match(text)
    return int(m.group(1).replace(",", "")) if m else None


def read_cells(cells: list[str], groups: tuple[int, ...]) -> Reading:
    """A row whose cells are separated (a grid or a `|` row); each group ends with its total."""
    width = sum(groups)
    cells = list(cells)
    while len(cells) > width and not cells[-1].strip():
        cells.pop()
    cells = cells[:width] if len(groups) > 1 else cells[-width:]
    if len(cells) < width:
        return read_tokens(cells, width, reliable=True, groups=groups)
    values = [count_value(c) for c in cells]
    if any(v is None for v in values):
        return read_tokens(cells, width, reliable=False, groups=groups)
    derived = [False] * width
    pos = 0
    for size in groups:
        group = cells[pos:pos + size]
        if not group[-1].strip() and any(c.strip() for c in group[:-1]):
            values[pos + size - 1] = sum(values[pos:pos + size - 1])
            derived[pos + size - 1] = True
        pos += size
    blank = all(not c.strip() for c in cells)
    return Reading(values, [c.strip() for c in cells], derived, blank=blank)


def read_tokens(tokens: list[str], width: int, reliable: bool, groups: tuple[int, ...] | None = None) -> Reading:
    """Numbers whose separation may be lost: scraped runs (`640020470`) and rows that lost blank cells.

    `reliable` says the tokens were separated by cell borders or line breaks rather than spaces.
    """
    groups = groups or (width,)
    tokens = [t.strip() for t in tokens if t.strip()]
    values = [count_value(t) for t in tokens]
    clean = all(v is not None and (len(t) == 1 or not t.startswith("0")) for t, v in zip(tokens, values, strict=True))
    if clean and len(tokens) == width and (reliable or totals_hold(values, groups)):
        return Reading(values, tokens, [False] * width)
    placed = place_tokens(values, groups) if clean and 0 < len(tokens) < width else []
    if placed and reliable:
        return read_lost_blanks(placed, tokens, width)
    digits = "".join(re.findall(r"\d", "".join(tokens)))
    unknown = Reading([None] * width, [""] * width, [False] * width, run=" ".join(tokens))
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
    return Reading(consensus(candidates, width), texts, [False] * width, candidates=candidates,
                   run=" ".join(tokens))


def totals_hold(values: list[int | None], groups: tuple[int, ...]) -> bool:
    pos = 0
    for size in groups:
        part = values[pos:pos + size]
        if None in part or sum(part[:-1]) != part[-1]:
            return False
        pos += size
    return True


def place_tokens(values: list[int], groups: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Every way to put the printed numbers, in order, into the row's cells when the other cells were
    blank (0) and lost, such that each group's total is the sum of its cells. A 总计 printed blank
    among lost blanks cannot be told from a lost 0, so a blank total is read as 0 here."""
    @functools.cache
    def rest(used: int, group: int) -> frozenset[tuple[int, ...]]:
        """The fillings of groups `group`.. with the numbers from `used` on."""
        if group == len(groups):
            return frozenset({()}) if used == len(values) else frozenset()
        size, cells_after = groups[group], sum(groups[group + 1:])
        out: set[tuple[int, ...]] = set()
        for count in range(min(size, len(values) - used) + 1):
            if len(values) - used - count > cells_after:
                continue
            for kept in itertools.combinations(range(size), count):
                cells = [0] * size
                for slot, value in zip(kept, values[used:used + count], strict=True):
                    cells[slot] = value
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


# ---------------------------------------------------------------- section 三

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
        label for label, metric in keys.items()
        if any(label in h for h in headers)
        or any(label in other and keys[other] != metric for other in keys)
    )
    parents = {r.metric_id: tuple(c.metric_id for c in rows if c.parent == r.metric_id) for r in rows}
    return Section3Layout(alternation(keys), keys, generic, {p: k for p, k in parents.items() if k},
                          tuple(r.metric_id for r in rows))


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
    new_rows = [h for h in find_hits(src, layout.pattern, layout.keys, 0, len(src.squeezed))
                if h.key in ("requests_new", "requests_carried_over")]
    for hit, following in itertools.pairwise(new_rows):
        if hit.key == "requests_new" and following.key == "requests_carried_over":
            between = src.squeezed[hit.end:following.start]
            if len(between) < 200 and not re.search(r"[^\W\d_一二三四五六七八九十]", between):
                return hit.start
    heading = first_of(src, SECTION3_START)
    later = [h.start for h in new_rows if h.key == "requests_new" and h.start > heading]
    return later[0] if later else -1


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
    """Generic labels (总计, 其他) count only as numbered rows or when numbers follow on their line."""
    if hit.label not in layout.generic:
        return True
    if _NUMBERING_BEFORE.search(src.squeezed[max(0, hit.start - 4):hit.start]):
        return True
    after = src.squeezed[hit.end:hit.end + 1]
    if after.isdigit():
        return True
    if after == "|":
        line_end = src.norm.find("\n", src.norm_at(hit.end))
        return bool(re.search(r"\d", src.norm[src.norm_at(hit.end):line_end if line_end >= 0 else None]))
    return False


def drop_header_lines(src: Source, layout: Section3Layout, hits: list[Hit]) -> list[Hit]:
    """A `|` line naming several rows and holding no number is a header (`| 予以公开 | 部分公开 |`);
    an empty printed row names at most one row besides its parent."""
    by_line: dict[int, list[Hit]] = {}
    for hit in hits:
        by_line.setdefault(src.norm.rfind("\n", 0, src.norm_at(hit.start)), []).append(hit)
    dropped = set()
    for start, line_hits in by_line.items():
        end = src.norm.find("\n", start + 1)
        line = src.norm[start + 1:end if end >= 0 else None]
        rows = {h.key for h in line_hits if h.key not in layout.parents}
        if len(rows) > 1 and "|" in line and not any(is_count_cell(c) for c in line.split("|")):
            dropped.update(id(h) for h in line_hits)
    return [h for h in hits if id(h) not in dropped]


def row_gap_has_numbers(src: Source, hit: Hit, following: Hit) -> bool:
    return bool(re.search(r"\d", gap_text(src, hit, src.norm_at(following.start))))


def gap_text(src: Source, hit: Hit, stop: int) -> str:
    """The text after a label up to `stop`, without the numbering of the row that follows."""
    return _NUMBERING_AT_END.sub("", src.norm[src.norm_at(hit.end - 1) + 1:stop])


@dataclass
class RawRow:
    cells: list[str] | None  # separated cells of a `|` row
    tokens: list[str] | None  # numbers of loose text
    reliable: bool  # tokens were one per line
    own_line: bool  # on the line of the label itself
    text: str


def gap_rows(gap: str) -> list[RawRow]:
    """The rows of numbers in the text after a label: `|` rows, or else the loose numbers."""
    lines = gap.split("\n")
    rows: list[RawRow] = []
    loose: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if "|" in line:
            cells = pipe_cells(line, label_line=index == 0)
            if cells is not None:
                rows.append(RawRow(cells, None, True, index == 0, line.strip()))
        elif index == 0 or not is_sentence(line):
            loose.extend((index, t) for t in loose_tokens(line))
    if rows or not loose:
        return rows  # numbers outside the `|` rows of a markdown table are page numbers or notes
    one_per_line = len({i for i, _ in loose}) == len(loose)
    tokens = [t for _, t in loose]
    own = loose[0][0] == 0
    text = " ".join(tokens)
    if one_per_line and len(tokens) > N_COLUMNS and len(tokens) % N_COLUMNS == 0:
        return [RawRow(None, tokens[i:i + N_COLUMNS], True, own and i == 0, text)
                for i in range(0, len(tokens), N_COLUMNS)]
    return [RawRow(None, tokens, one_per_line, own, text)]


def is_sentence(line: str) -> bool:
    """A line where a number runs straight into a Chinese word other than a unit (a page's running
    title with its year, `2019年`; a sentence): no row's cells. A wrapped label's tail before a row's
    numbers, or the next row's label after them, is set apart from the numbers."""
    line = _NOTE.sub(" ", line)
    return any(not _CELL_WORDS.match(line, m.end() - 1) for m in _NUMBER_INTO_WORD.finditer(line))


def loose_tokens(line: str) -> list[str]:
    line = _ROW_NUMBER.sub(" ", _NOTE.sub(" ", line))
    return _CELL_TOKEN.findall(line)


def pipe_cells(line: str, label_line: bool) -> list[str] | None:
    """The value cells of a `|` line (blank cells kept), or None when it holds no value."""
    parts = line.split("|")
    head, middle, tail = parts[0], parts[1:-1], parts[-1]
    cells = ([] if label_line or not head.strip() else [head]) + middle + ([tail] if tail.strip() else [])
    if not cells or all(_SEPARATOR_CELL.match(c) for c in cells):
        return None
    values = [c for c in cells if count_value(c) is not None or len(re.findall(r"\d", c)) > 3]
    if any(c.strip() for c in values):
        return values
    if len(values) >= N_COLUMNS and len(values) == len(cells):
        return values  # a printed row with every cell empty
    return None


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
    gaps = [gap_rows(gap_text(src, hit, src.norm_at(hits[i + 1].start) if i + 1 < len(hits) else src.norm_at(hi)))
            for i, hit in enumerate(hits)]
    # Numbers on the line below each label (PDF text): no label is followed by more than one row, so a
    # row belongs to the label right above it and a label with none is a row printed blank. Otherwise
    # labels and rows of numbers were printed apart, and rows go to the labels in order.
    below = all(sum(1 for r in rows if not r.own_line) <= 1 for rows in gaps)
    apart = False  # some row of numbers stands apart from its label

    def assign(hit: Hit, row: RawRow) -> None:
        if hit.key not in out:
            out[hit.key] = (read_raw(row), src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1))

    for hit, rows in zip(hits, gaps, strict=True):
        own = [r for r in rows if r.own_line]
        loose = [r for r in rows if not r.own_line]
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
                assign(pending_labels.popleft(), row)
            else:
                pending_rows.append(row)
        while pending_labels and pending_rows:
            assign(pending_labels.popleft(), pending_rows.popleft())
        apart = apart or bool(loose)
    # Where every row's numbers stand on (or right below) its label, a label left without numbers is a
    # row printed blank; where rows of numbers stand apart, its numbers may sit anywhere, so it stays out.
    if not apart:
        for hit in pending_labels:
            out.setdefault(hit.key, (unread_row(), src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1)))
    return out, hi


def unread_row() -> Reading:
    return Reading([None] * N_COLUMNS, [""] * N_COLUMNS, [False] * N_COLUMNS, unread=True)


def read_raw(row: RawRow) -> Reading:
    if row.cells is not None:
        return read_cells(row.cells, (N_COLUMNS,))
    return read_tokens(row.tokens or [], N_COLUMNS, row.reliable)


# ------------------------------------------------ settling rows with the identities

Cell = tuple[str, int]  # a cell of section 三: row metric id, column index


@dataclass(frozen=True)
class Equation:
    """A declared identity in one column (or, for the column identity, one row): sum(sign * cell) == 0."""

    terms: tuple[tuple[Cell, int], ...]
    identity: str  # the identity's description, for notes


@functools.cache
def section3_equations(fmt: str) -> tuple[Equation, ...]:
    order = section3_layout(fmt).order
    out: list[Equation] = []
    for identity in identities_for(fmt):
        if identity.kind == "columns":
            out.extend(Equation((((key, N_COLUMNS - 1), 1),) + tuple(((key, c), -1) for c in range(N_COLUMNS - 1)),
                                identity.description) for key in order)
        elif identity.per_column:
            out.extend(Equation(tuple(((k, col), 1) for k in identity.left) + tuple(((k, col), -1) for k in identity.right),
                                identity.description) for col in range(N_COLUMNS))
    return tuple(out)


def settle_with_identities(readings: dict[str, Reading], fmt: str) -> None:
    """Settle with the table's identities what the printed digits leave open: rows whose run splits
    several ways keep the splits under which the identities can hold, and cells no digit gives (a row
    printed blank, a run that lost blank cells) take the one value the identities force."""
    layout = section3_layout(fmt)
    open_rows = [k for k, r in readings.items() if len(r.candidates) > 1]
    unsettled = [k for k, r in readings.items() if not r.candidates and None in r.values and k not in layout.parents]
    sizes = [len(readings[k].candidates) for k in open_rows]
    if not (open_rows or unsettled) or math.prod(sizes) > MAX_COMBINATIONS:
        return
    known = {(k, col): v for k, r in readings.items() if not is_sum_row(k, r, layout)
             for col, v in enumerate(r.values) if v is not None}
    equations = section3_equations(fmt)
    outcomes = []
    for combo in itertools.product(*(readings[k].candidates for k in open_rows)):
        table = dict(known)
        table.update(((k, col), v) for k, split in zip(open_rows, combo, strict=True) for col, v in enumerate(split))
        forced = propagate(table, equations)
        if forced is not None and all(fits_run(completed(k, table, forced), readings[k].run) for k in unsettled):
            outcomes.append((combo, forced))
    if not outcomes:
        return  # the figures break an identity: it decides nothing
    if len(outcomes) < math.prod(sizes):
        narrow(readings, open_rows, sizes, [combo for combo, _ in outcomes])
    for key in unsettled:
        fill(readings[key], key, [forced for _, forced in outcomes])


def is_sum_row(key: str, reading: Reading, layout: Section3Layout) -> bool:
    """A parent row printed empty (or unreadable) stands for the sum of its sub-rows, not for zeros."""
    return key in layout.parents and (reading.blank or all(v is None for v in reading.values))


def propagate(known: dict[Cell, int], equations: tuple[Equation, ...]) -> dict[Cell, tuple[int, str]] | None:
    """The cells the equations force from the known ones, each with the identity that forced it; None
    when the figures contradict an equation. No count is negative, so unknowns adding up to 0 are all 0."""
    values = dict(known)
    forced: dict[Cell, tuple[int, str]] = {}
    progress = True
    while progress:
        progress = False
        for equation in equations:
            rest = 0
            unknown = []
            for cell, sign in equation.terms:
                value = values.get(cell)
                if value is None:
                    unknown.append((cell, sign))
                else:
                    rest -= sign * value
            if not unknown:
                if rest:
                    return None
                continue
            signs = {sign for _, sign in unknown}
            if len(signs) > 1:
                continue  # unknowns on both sides: any amount could move between them
            total = rest * signs.pop()  # what the unknowns add up to
            if total < 0:
                return None
            if total and len(unknown) > 1:
                continue
            for cell, _ in unknown:
                values[cell] = total
                forced[cell] = (total, equation.identity)
            progress = True
    return forced


def completed(key: str, table: dict[Cell, int], forced: dict[Cell, tuple[int, str]]) -> list[int | None]:
    return [table[(key, col)] if (key, col) in table else forced[(key, col)][0] if (key, col) in forced else None
            for col in range(N_COLUMNS)]


def fits_run(values: list[int | None], run: str) -> bool:
    """Whether the printed run can be the row's cells written out, any 0 cell possibly printed blank
    and an unknown (None) cell as any number: a value the identities give never overrides a digit."""
    text = " ".join(t for t in ("0" if _ZERO_MARK.match(t) else re.sub(r"\D", "", t) for t in run.split()) if t)
    ends = {0}
    for value in values:
        after: set[int] = set()
        for pos in ends:
            start = pos + 1 if text.startswith(" ", pos) else pos
            if value is None:
                after.add(pos)
                stop = start
                while stop < len(text) and text[stop].isdigit():
                    stop += 1
                    if text[start] != "0" or stop == start + 1:
                        after.add(stop)
            elif value == 0:
                after.add(pos)
            if value is not None and text.startswith(str(value), start):
                after.add(start + len(str(value)))
        ends = after
    return any(not text[pos:].strip() for pos in ends)


def narrow(readings: dict[str, Reading], open_rows: list[str], sizes: list[int],
           surviving: list[tuple[tuple[int, ...], ...]]) -> None:
    for position, key in enumerate(open_rows):
        reading = readings[key]
        chosen = sorted({combo[position] for combo in surviving})
        if len(chosen) == len(reading.candidates):
            continue
        reading.values = consensus(chosen, N_COLUMNS)
        reading.candidates = chosen
        reading.why = (f"of its {sizes[position]} splits that add up to the row's 总计, the one under which "
                       "the table's column identities hold")


def fill(reading: Reading, key: str, outcomes: list[dict[Cell, tuple[int, str]]]) -> None:
    """Give the row each missing cell that every reading of the table forces to the same value."""
    for col in range(N_COLUMNS):
        found = [o.get((key, col)) for o in outcomes]
        if reading.values[col] is not None or None in found or len({v for v, _ in found}) > 1:
            continue
        reading.values[col], reading.settled[col] = found[0]
        reading.derived[col] = True


# ---------------------------------------------------------------- section 三 facts

def section3_facts(readings: dict[str, tuple[Reading, str]], fmt: str, where: str) -> list[Fact]:
    layout = section3_layout(fmt)
    facts: list[Fact] = []
    values: dict[str, list[int | None]] = {}
    for key in layout.order:
        if key not in readings:
            continue
        reading, label = readings[key]
        if is_sum_row(key, reading, layout):
            continue  # a parent printed empty (or unreadable) is the sum of its sub-rows, below
        values[key] = reading.values
        for col, value in enumerate(reading.values):
            if value is None:
                continue
            facts.append(Fact(key, value, column=COLUMN_IDS[col], derived=reading.derived[col],
                              evidence=row_evidence(where, label, col, reading),
                              note=settled_note(reading, col) or split_note(reading)))
    for parent, kids in layout.parents.items():
        if parent in values:
            continue
        for col in range(N_COLUMNS):
            parts = [values.get(k, [None] * N_COLUMNS)[col] for k in kids]
            if None in parts:
                continue
            facts.append(Fact(parent, sum(parts), column=COLUMN_IDS[col], derived=True,
                              evidence=f"{where}: sum of the sub-rows of {parent}, column {COLUMN_ZH[COLUMN_IDS[col]]}"))
    return facts


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
            flags.append(Flag("ambiguous_row", f"{where}, row {label}: '{reading.run}' read as {shown}, "
                              f"{reading.why}", key, severity="info"))
        elif None in reading.values:
            flags.append(Flag("ambiguous_row", f"{where}, row {label}: '{reading.run}' cannot be split with "
                              f"certainty; only the cells shown are kept: {shown}", key))
    return flags


def settled_flag(reading: Reading, key: str, head: str, shown: str) -> Flag:
    decided = "; ".join(dict.fromkeys(reading.settled.values()))
    by = f" ({decided})" if decided else ""
    if None in reading.values:
        return Flag("ambiguous_row", f"{head}the table's identities do not fix every cell; only the cells "
                    f"shown are kept: {shown}{by}", key)
    return Flag("ambiguous_row", f"{head}the table's identities give {shown}{by}", key, severity="info")


# ---------------------------------------------------------------- section 四

@functools.cache
def section4_header_chars() -> frozenset[str]:
    words = [zh for _, zh in SECTION4_COLUMNS] + [zh for _, zh in SECTION4_GROUPS] + list(SECTION4_START)
    return frozenset("".join(compact(w) for w in words))


def section4_cells(src: Source, lo: int) -> tuple[list[str], bool]:
    """The printed cells after the section 四 header, up to the prose that follows; and whether they
    were separated by cell borders or line breaks (rather than spaces, or not at all)."""
    start = src.norm_at(lo)
    header = section4_header_chars()
    cells: list[str] = []
    separated = True
    for line in src.norm[start:start + 4000].split("\n"):
        if line.strip().startswith("注"):
            continue  # a note under the table
        if "|" in line:
            whole_row = full_pipe_row(line, len(SECTION4_CELLS))
            if not cells and whole_row is not None:
                return whole_row, True  # one printed row holding all fifteen cells, blanks included
            values = pipe_cells(line, label_line=False)
            if values is not None:
                cells.extend(values)
            elif cells and is_prose(line, header):
                break
        else:
            # Once the cells have begun, a line may hold nothing but a blank cell's mark ("/", "无").
            first = (_CELL_TOKEN if cells else _DIGIT).search(line)
            begin = first.start() if first else len(line)
            if cells and is_prose(line[:begin], header):
                break  # the heading or prose after the table: any number in it is no cell
            prose_at = cells_end(line, begin, header)
            numbers = line[begin:prose_at]
            # Before the table, a number followed by words is a sentence ("发生行政复议2件").
            if cells or prose_at == len(line) or len(re.findall(r"\d", numbers)) >= 5:
                tokens = loose_tokens(numbers)
                separated = separated and len(tokens) <= 1
                cells.extend(tokens)
            if cells and prose_at < len(line):
                break
        if sum(1 for c in cells if c.strip()) >= len(SECTION4_CELLS):
            break
    return cells, separated


def cells_end(line: str, begin: int, header: frozenset[str]) -> int:
    """Where the cells of a line that start at `begin` end: at the first Chinese word that is neither
    the table's header nor a unit or cell mark."""
    pos = begin
    while (m := _CJK.search(line, pos)) is not None:
        word = None if m.group() in header else _CELL_WORDS.match(line, m.start())
        if m.group() not in header and word is None:
            return m.start()
        pos = word.end() if word else m.end()
    return len(line)


def full_pipe_row(line: str, width: int) -> list[str] | None:
    """All `width` cells of a `|` row of numbers, blank ones included, or None when the row is not one.

    A blank first or last cell leaves a row looking like a bordered markdown row, so the cells are
    counted both ways: with the outer borders and without.
    """
    parts = line.split("|")
    if len(parts) == width + 2 and not parts[0].strip() and not parts[-1].strip():
        parts = parts[1:-1]
    if len(parts) != width or not all(count_value(p) is not None for p in parts):
        return None
    return parts if any(p.strip() for p in parts) else None


def is_prose(text: str, header: frozenset[str]) -> bool:
    return any(ch not in header for ch in _CJK.findall(text))


def read_section4(src: Source, lo: int) -> Reading | None:
    cells, separated = section4_cells(src, lo)
    if not any(c.strip() for c in cells):
        return None
    groups = tuple(len(SECTION4_COLUMNS) for _ in SECTION4_GROUPS)
    if separated:
        return read_cells(cells, groups)
    return read_tokens(cells, sum(groups), reliable=False, groups=groups)


def section4_facts(reading: Reading, where: str) -> list[Fact]:
    facts = []
    for index, (group, column) in enumerate(SECTION4_CELLS):
        value = reading.values[index]
        if value is None:
            continue
        shown = reading.texts[index] or f"{value} (from '{reading.run}')"
        facts.append(Fact(section4_metric(group, column), value,
                          evidence=f"{where}, section 四, {SECTION4_ZH[(group, column)]}: {shown}",
                          note=split_note(reading)))
    return facts


def section4_flags(reading: Reading, where: str) -> list[Flag]:
    if None in reading.values:
        return [Flag("ambiguous_row", f"{where}, section 四: '{reading.run}' cannot be split into its "
                     "fifteen cells with certainty; only the certain cells are kept")]
    if reading.candidates:
        return [Flag("ambiguous_row", f"{where}, section 四: '{reading.run}' read as "
                     f"{'|'.join(str(v) for v in reading.values)}, the only split whose 总计 cells equal "
                     "the sums of their groups", severity="info")]
    return []


# ---------------------------------------------------------------- section 二

@dataclass(frozen=True)
class Section2Layout:
    rows: re.Pattern
    row_keys: dict[str, tuple[str, ...]]  # compact row label -> the row's labels
    columns: re.Pattern
    cells: tuple[Section2Cell, ...]


@functools.cache
def section2_layout() -> Section2Layout:
    """Both templates' cells: early and late adopters print either header in either year, and the
    header text, not the detected format, says what each column holds."""
    cells = tuple(dict.fromkeys(section2_cells(STD2019) + section2_cells(STD2021)))
    row_keys = {compact(label): c.row_labels for c in cells for label in c.row_labels}
    column_labels = {compact(label) for c in cells for label in c.column_labels}
    return Section2Layout(alternation(row_keys), row_keys, alternation(column_labels), cells)


def cell_matches(cell: Section2Cell, header_text: str) -> bool:
    return any(compact(label) in header_text for label in cell.column_labels)


def section2_bounds(src: Source, whole: bool) -> tuple[int, int]:
    lo = 0 if whole else first_of(src, SECTION2_START + SECTION2_HEADER)
    if lo < 0:
        return -1, -1
    # Section 三 starts at its heading, or at its first row where a flattened page lost the heading.
    hi = first_of(src, SECTION3_START + section3_rows(STD2019)[0].labels, lo)
    return lo, len(src.squeezed) if hi < 0 else hi


def section2_facts(src: Source, whole: bool) -> tuple[list[Fact], list[Flag]]:
    layout = section2_layout()
    lo, hi = section2_bounds(src, whole)
    if lo < 0:
        return [], []
    row_hits = find_hits(src, layout.rows, layout.row_keys, lo, hi)
    header_marks = [m.start() for w in SECTION2_START + SECTION2_HEADER
                    for m in re.finditer(re.escape(compact(w)), src.squeezed[:hi])] + [lo]
    column_hits = [(m.start(), m.group()) for m in layout.columns.finditer(src.squeezed, lo, hi)]
    clauses = [] if whole else prose_clauses(src, layout, lo)
    facts: list[Fact] = []
    flags: list[Flag] = []
    for index, hit in enumerate(row_hits):
        header_lo = max(m for m in header_marks if m <= hit.start)
        columns = row_columns(layout, hit, [(pos, label) for pos, label in column_hits if header_lo <= pos < hit.start])
        if not columns:
            continue
        following = [row_hits[index + 1].start] if index + 1 < len(row_hits) else []
        following += [pos for pos, _ in column_hits if pos > hit.start]
        following += [m for m in header_marks if m > hit.start]
        stop = min(following + [hi])
        got, flag = section2_row(src, hit, columns, stop, clauses)
        facts.extend(got)
        if flag:
            flags.append(flag)
    return facts, flags


def row_columns(layout: Section2Layout, hit: Hit, header: list[tuple[int, str]]) -> list[tuple[int, Section2Cell]]:
    """The cells of a row in the order its header prints them, one per metric (both templates name
    some columns alike)."""
    columns: dict[str, tuple[int, Section2Cell]] = {}
    for cell in layout.cells:
        if not any(compact(label) in hit.label for label in cell.row_labels) or cell.metric_id in columns:
            continue
        found = [pos for pos, label in header if cell_matches(cell, label)]
        if found:
            columns[cell.metric_id] = (found[0], cell)
    return sorted(columns.values(), key=lambda x: x[0])


def section2_row(src: Source, hit: Hit, columns: list[tuple[int, Section2Cell]], stop: int,
                 clauses: list[tuple[frozenset, str]]) -> tuple[list[Fact], Flag | None]:
    label = src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1)
    row_line = line_at(src.norm, src.norm_at(hit.start))
    header_line = line_at(src.norm, src.norm_at(columns[0][0]))
    if "|" in row_line and "|" in header_line:
        return section2_aligned(src, label, columns, line_at(src.original, src.norm_at(hit.start)), header_line)
    gap = cells_text(_NOTE.sub(lambda m: " " * len(m.group()), src.norm[src.norm_at(hit.end - 1) + 1:src.norm_at(stop)]))
    original_gap = src.original[src.norm_at(hit.end - 1) + 1:src.norm_at(stop)]
    tokens = list(_AMOUNT.finditer(gap))
    header_texts = header_spans(src, columns, hit.start)
    if len(tokens) == len(columns):
        facts = [section2_fact(cell, m.group(), original_gap[m.start():m.end()], header_texts[i], src.where, label)
                 for i, ((_, cell), m) in enumerate(zip(columns, tokens, strict=True))]
        return [f for f in facts if f], None
    digits = "".join(m.group() for m in tokens)
    if len(tokens) == 1 and digits.isdigit() and len(columns) > 1:
        return section2_run(src, label, hit.key, [cell for _, cell in columns], digits, clauses)
    if not tokens:
        return [], None
    split = split_zero_led([m.group() for m in tokens], len(columns))
    if split is not None:
        return [f for f in (section2_fact(cell, str(v), f"{v} (from '{gap.strip()}')", "", src.where, label)
                            for (_, cell), v in zip(columns, split, strict=True)) if f], None
    return [], Flag("ambiguous_row", f"{src.where}, section 二 row {label}: {len(tokens)} values for "
                    f"{len(columns)} columns ('{gap.strip()[:60]}'); the row is left out")


def cells_text(gap: str) -> str:
    """The text of a row's cells: up to the first Chinese word that is not a unit or a cell mark."""
    pos = 0
    while (m := _CJK.search(gap, pos)) is not None:
        word = _CELL_WORDS.match(gap, m.start())
        if word is None:
            return gap[:m.start()]
        pos = word.end()
    return gap


def split_zero_led(tokens: list[str], width: int) -> tuple[int, ...] | None:
    """Fewer numbers than cells where some "number" starts with 0 (`00 0`): no printed count does, so
    those tokens are cells run together. The reading is kept only when it is the only one."""
    if not all(t.isdigit() for t in tokens) or not any(len(t) > 1 and t[0] == "0" for t in tokens):
        return None
    readings: list[tuple[int, ...]] = [()]
    for token in tokens:
        if len(token) == 1 or token[0] != "0":
            pieces = [(int(token),)]
        else:
            pieces = [p for k in range(2, len(token) + 1) for p in split_run(token, (k,), summed=False) or []]
        readings = [r + p for r in readings for p in pieces if len(r) + len(p) <= width]
    complete = [r for r in readings if len(r) == width]
    return complete[0] if len(complete) == 1 else None


def section2_run(src: Source, label: str, row: tuple[str, ...], cells: list[Section2Cell], digits: str,
                 clauses: list[tuple[frozenset, str]]) -> tuple[list[Fact], Flag | None]:
    """A row whose cells ran together: keep the cells every split agrees on, after narrowing the
    splits to those that agree with figures the report's prose states for this row."""
    candidates = split_run(digits, (len(cells),), summed=False) or []
    stated = []
    for index, cell in enumerate(cells):
        for value, clause in prose_values(cell, row, clauses):
            agreeing = [c for c in candidates if c[index] == value]
            if agreeing:
                candidates = agreeing
                stated.append(clause)
    known = consensus(candidates, len(cells)) if candidates else [None] * len(cells)
    facts = [section2_fact(cell, str(v), f"{v} (from '{digits}')", "", src.where, label)
             for cell, v in zip(cells, known, strict=True) if v is not None]
    shown = "|".join("?" if v is None else str(v) for v in known)
    why = f", agreeing with the report's text ({'; '.join(stated)})" if stated else ""
    if None in known:
        return [f for f in facts if f], Flag(
            "ambiguous_row", f"{src.where}, section 二 row {label}: '{digits}' runs {len(cells)} cells "
            f"together and splits several ways{why}; only the certain cells are kept: {shown}")
    if stated:
        return [f for f in facts if f], Flag(
            "ambiguous_row", f"{src.where}, section 二 row {label}: '{digits}' read as {shown}{why}",
            severity="info")
    return [f for f in facts if f], None


def prose_clauses(src: Source, layout: Section2Layout, before: int) -> list[tuple[frozenset, str]]:
    """The clauses of the prose before section 二, each with the section 二 rows it names."""
    text = src.norm[:src.norm_at(before)]
    out = []
    for clause in re.split(r"[,.;:!?]", text):
        squeezed = re.sub(r"\s+", "", clause)
        rows = frozenset(layout.row_keys[m.group()] for m in layout.rows.finditer(squeezed))
        if len(rows) == 1:
            out.append((rows, squeezed))
    return out


def prose_values(cell: Section2Cell, row: tuple[str, ...], clauses: list[tuple[frozenset, str]]
                 ) -> list[tuple[int, str]]:
    """Counts the prose states for this cell: a clause naming only its row, its word, and one count."""
    out = []
    for rows, clause in clauses:
        if rows != {row} or not any(word in clause for word in cell.prose):
            continue
        counts = re.findall(r"(\d+)件", clause)
        if len(counts) == 1:
            out.append((int(counts[0]), clause))
    return out


def header_spans(src: Source, columns: list[tuple[int, Section2Cell]], row_start: int) -> list[str]:
    """Each column's header text, which may state the unit (`采购总金额(元)`)."""
    bounds = [pos for pos, _ in columns] + [row_start]
    return [src.squeezed[bounds[i]:min(bounds[i + 1], bounds[i] + 20)] for i in range(len(columns))]


def section2_aligned(src: Source, label: str, columns: list[tuple[int, Section2Cell]], row_line: str,
                     header_line: str) -> tuple[list[Fact], Flag | None]:
    row_cells = row_line.split("|")
    header_cells = [compact(c) for c in header_line.split("|")]
    row_cells = padded_row(row_cells, header_cells)
    if len(row_cells) != len(header_cells):
        return [], Flag("ambiguous_row", f"{src.where}, section 二 row {label}: the row has "
                        f"{len(row_cells) - 2} cells under a header of {len(header_cells) - 2}; "
                        "which column lost its cell is unknown, so the row is left out")
    facts = []
    for _, cell in columns:
        index = next((i for i, h in enumerate(header_cells) if cell_matches(cell, h)), None)
        if index is None:
            continue
        text = row_cells[index].strip()
        fact = section2_fact(cell, normalize(text), text, header_cells[index], src.where, label)
        if fact:
            facts.append(fact)
    return facts, None


def padded_row(row_cells: list[str], header_cells: list[str]) -> list[str]:
    """The row's cells lined up with a header that prints more cells only as blank padding
    (`信息内容 | 本年收费金额 | ||` over `行政事业性收费 | 0 |`): when both name and fill the same
    cells once trailing blanks are set aside, no cell of the row can have moved. A row short of a
    named column, or rows that start differently (one with a border, one without), stay as they are."""
    if len(row_cells) == len(header_cells) or bool(row_cells[0].strip()) != bool(header_cells[0]):
        return row_cells
    if len(without_trailing_blanks(row_cells)) != len(without_trailing_blanks(header_cells)):
        return row_cells
    return row_cells + [""] * (len(header_cells) - len(row_cells))


def without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else None]


def section2_fact(cell: Section2Cell, text: str, original: str, header: str, where: str, label: str) -> Fact | None:
    value = section2_value(cell, _NOTE.sub("", text).strip(), header)
    if value is False:
        return None
    return Fact(cell.metric_id, value, evidence=f"{where}, row {label}, column {cell.column_labels[0]}: {original}")


def section2_value(cell: Section2Cell, text: str, header: str):
    """A number (units converted to the metric's), None for "not applicable", False when unreadable."""
    m = _AMOUNT.fullmatch(text.replace(" ", ""))
    if not text or not m:
        return False
    if m.group("na"):
        return None
    if m.group("zero"):
        return 0
    number = float(m.group("num").replace(",", ""))
    unit = m.group("unit") or ("元" if cell.unit == "万元" and "元" in header and "万元" not in header else "")
    if cell.unit == "万元" and unit == "元":
        number /= 10000
    number = round(number, 6)
    return int(number) if number.is_integer() and cell.unit != "万元" else number


# ---------------------------------------------------------------- the extractor

def extract_standard(doc: Document, fmt: str) -> tuple[list[Fact], list[Flag]]:
    """Every figure of sections 二, 三 and 四 the document states with certainty."""
    sources = [(make_source(t.where, grid_text(t)), True) for t in doc.tables if is_data_table(t)]
    sources.append((make_source("text", doc.text), False))
    facts: list[Fact] = []
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for src, whole in sources:
        got, raised = read_source(src, fmt, whole)
        new = [f for f in got if (f.metric_id, f.column) not in seen]
        facts.extend(new)
        if new:
            flags.extend(raised)
        seen.update((f.metric_id, f.column) for f in new)
    return facts, flags


def is_data_table(table: Table) -> bool:
    """Page-layout tables wrap whole articles in one cell; the report's tables hold labels and numbers."""
    return all(len(cell) <= MAX_CELL_CHARS for row in table.rows for cell in row)


def read_source(src: Source, fmt: str, whole: bool) -> tuple[list[Fact], list[Flag]]:
    facts, flags = section2_facts(src, whole)
    readings, section3_end = section3_readings(src, fmt, whole)
    plain = {k: r for k, (r, _) in readings.items()}
    settle_with_identities(plain, fmt)
    flags.extend(split_flags(readings, src.where))
    facts.extend(section3_facts(readings, fmt, src.where))
    lo = first_of(src, SECTION4_START, max(section3_end, 0)) if (whole or section3_end >= 0) else -1
    reading = read_section4(src, lo) if lo >= 0 else None
    if reading:
        facts.extend(section4_facts(reading, src.where))
        flags.extend(section4_flags(reading, src.where))
    return facts, flags
