from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from metrics.extract.standard.cells import CELL_WORDS, CJK, DIGIT, NOTE, consensus, split_run
from metrics.extract.standard.source import Hit, Source, alternation, find_hits, first_of, line_at
from metrics.models import Fact, Flag
from metrics.normalize import compact, normalize
from metrics.templates import Section2Cell, section2_cells, section3_rows
from metrics.templates.standard import (
    CHANGE_SIGNS,
    CHANGE_WORDS,
    SECTION2_HEADER,
    SECTION2_START,
    SECTION3_START,
    STD2019,
    STD2021,
)

# Two numbers in one cell (`7 0`, cells a converter ran together): no one figure.
_NUMBERS_APART = re.compile(r"\d\s+\d")
# A header cell holding a unit alone: (元), （万元）.
_UNIT_CELL = re.compile(r"\((?:万元|元)\)")
# A word for the change in the 2019 table's 本年增/减 cell, alone or before its number ('增1558'): a cell
# with no value read, not the end of the row.
_CHANGE_WORD = rf"(?:{'|'.join(CHANGE_WORDS)})(?![\u4e00-\u9fff])"
# A cell may print a count with its unit (`201件`, `6项`): one value, the unit adds nothing.
_AMOUNT = re.compile(
    r"(?P<num>[-+]?\d[\d,]*(?:\.\d+)?)(?:\s*(?P<unit>万元|元)|[ \t]*(?:件|项|个|条|宗|笔|批次|批))?"
    rf"|(?P<na>不适用|/|-|(?:{'|'.join(CHANGE_SIGNS)})[ \t]*\d[\d,]*|{_CHANGE_WORD})|(?P<zero>无)"
)
_CELL_WORD = re.compile(rf"{CELL_WORDS.pattern}|{_CHANGE_WORD}")


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
    return Section2Layout(alternation(row_keys), row_keys, _with_printed_years(column_labels), cells)


def _with_printed_years(labels: set[str]) -> re.Pattern:
    """The header labels, where 本年 may print its year too or be printed as the year (see cell_matches)."""
    pattern = alternation(labels).pattern
    return re.compile(pattern.replace("本年", _THIS_YEAR))


# A header that prints the year it means by 本年, or instead of it: 本年(2023)制发件数, 2023年制发件数,
# 本年度新制作数量.
_YEAR_WORD = r"(?:19|20)\d\d年?度?"
_PRINTED_YEAR = rf"本年[(（]{_YEAR_WORD}[)）]|本年度(?=[制废新公])|{_YEAR_WORD}(?=[制废新])"
_THIS_YEAR = rf"(?:{_PRINTED_YEAR}|本年)"


# Columns of layout text (w3m, pdftotext -layout) stand two or more spaces apart.
_LAYOUT_CELL = re.compile(r"\S+(?:[ \t\u3000]\S+)*")


def join_wrapped_headers(text: str) -> str:
    """Layout text wraps a header cell within its column (`本年新` above `制作数量`): where every piece
    of a line stands right under a cell of the line above and joined they name a section 二 column
    that neither line names, the pieces join their cells."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        # Only a line of several cells (two or more spaces apart) heads such columns.
        joined = _joined_by_column(lines[i], lines[i + 1]) if "  " in lines[i].strip() else None
        if joined is not None and _names_more_columns(joined, lines[i : i + 2]):
            lines[i], lines[i + 1] = joined, ""
    for i in range(len(lines) - 1):
        k = _pipe_header_end(lines, i) if "|" in lines[i] else 0
        if k:
            joined = "".join(line.strip() for line in lines[i:k])
            if _names_more_columns(joined, lines[i:k]):
                lines[i:k] = [joined] + [""] * (k - i - 1)
    return "\n".join(lines)


def _names_more_columns(joined: str, pieces: list[str]) -> bool:
    known = section2_layout().columns
    apart = {m.group() for m in known.finditer("|".join(compact(p) for p in pieces))}
    return bool({m.group() for m in known.finditer(compact(joined))} - apart)


def _pipe_header_end(lines: list[str], i: int) -> int:
    """A markdown header row that a converter broke at each cell's line break (`信息内容| 本年新` /
    `制作数量| 本年新` / `公开数量| 对外公开总数量`): the end of its lines when their borders add up to
    those of the row of numbers right after them; else 0."""
    k = i
    while k < len(lines) and "|" in lines[k] and not DIGIT.search(lines[k]):
        k += 1
    if k - i < 2 or k == len(lines) or not DIGIT.search(lines[k]):
        return 0
    width = lines[k].count("|")
    counts = [line.count("|") for line in lines[i:k]]
    return k if sum(counts) == width and max(counts) < width else 0


def _joined_by_column(upper: str, lower: str) -> str | None:
    """Text browsers align columns by display width (a CJK character takes two), other tools by
    characters: the pieces must stand under cells by one measure or the other."""
    for wide in (True, False):
        above = _cells_at(upper, wide)
        below = _cells_at(lower, wide)
        if len(above) < 2 or not below or any(DIGIT.search(c) for _, c in above + below):
            return None
        starts = {col: n for n, (col, _) in enumerate(above)}
        if all(col in starts for col, _ in below):
            cells = [c for _, c in above]
            for col, piece in below:
                cells[starts[col]] += piece
            return "  ".join(cells)
    return None


def _cells_at(line: str, wide: bool) -> list[tuple[int, str]]:
    """The cells of a layout line with the column each starts at."""
    out = []
    for m in _LAYOUT_CELL.finditer(line):
        before = line[: m.start()]
        extra = sum(1 for ch in before if unicodedata.east_asian_width(ch) in "WF") if wide else 0
        out.append((len(before) + extra, m.group()))
    return out


# Cached: header cells and row labels repeat across reports, and every row of a table asks again.
@functools.lru_cache(maxsize=1 << 14)
def cell_matches(cell: Section2Cell, header_text: str) -> bool:
    header_text = re.sub(_PRINTED_YEAR, "本年", header_text)
    return any(label in header_text for label in compact_labels(cell.column_labels))


@functools.lru_cache(maxsize=1 << 12)
def cells_of_row(label: str) -> tuple[Section2Cell, ...]:
    """The cells, of both templates, of the row a compact row label names, in the layout's order."""
    return tuple(c for c in section2_layout().cells if any(r in label for r in compact_labels(c.row_labels)))


@functools.cache
def compact_labels(labels: tuple[str, ...]) -> tuple[str, ...]:
    """A template's labels as they are matched, compacted once rather than at every row read."""
    return tuple(compact(label) for label in labels)


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
    header_marks = [
        m.start()
        for w in SECTION2_START + SECTION2_HEADER
        for m in re.finditer(re.escape(compact(w)), src.squeezed[:hi])
    ] + [lo]
    column_hits = [(m.start(), m.group()) for m in layout.columns.finditer(src.squeezed, lo, hi)]
    clauses = [] if whole else prose_clauses(src, layout, lo)
    tables: dict[int, list[tuple[Hit, int, list[Fact], Flag | None]]] = {}
    for index, hit in enumerate(row_hits):
        header_lo = max(m for m in header_marks if m <= hit.start)
        header = [(pos, label) for pos, label in column_hits if header_lo <= pos < hit.start]
        columns = row_columns(hit, header or header_above(column_hits, header_marks, header_lo))
        columns = with_cut_headers(src, hit, columns, header_lo)
        if not columns:
            continue
        following = [row_hits[index + 1].start] if index + 1 < len(row_hits) else []
        following += [pos for pos, _ in column_hits if pos > hit.start]
        following += [m for m in header_marks if m > hit.start]
        stop = min(following + [hi])
        before = tables.get(header_lo, [])
        # An excerpt may end within the table's last row; the row above, read whole, shows the text
        # drops no blank cell, so the cells before the cut stand in the header's order. A table's grid
        # ends with its last row anyway: only one the text ended within was cut.
        cut_short = (
            stop == len(src.squeezed)
            and (src.cut_at_end or not whole)
            and bool(before)
            and before[-1][3] is None
            and len(before[-1][2]) == len(columns)
        )
        got, flag = section2_row(src, hit, columns, stop, clauses, whole, cut_short)
        header_end = max((pos + len(label) for pos, label in header), default=header_lo)
        tables.setdefault(header_lo, []).append((hit, header_end, got, flag))
    facts: list[Fact] = []
    flags: list[Flag] = []
    for rows in tables.values():
        if numbers_above_rows(src, rows):
            flags.append(
                Flag(
                    "ambiguous_row",
                    f"{src.where}, section 二 table of {rows[0][0].label}: its numbers stand above its row "
                    "labels, so which numbers belong to which row is unknown; the table is left out",
                )
            )
            continue
        for _, _, got, flag in rows:
            facts.extend(got)
            flags.extend([flag] if flag else [])
    return facts, flags


def header_above(
    column_hits: list[tuple[int, str]], header_marks: list[int], header_lo: int
) -> list[tuple[int, str]]:
    """The header cells of the block before the one starting at `header_lo`, for a block that prints
    none: a scraped table may drop a block's header where it repeats the one above ('第二十条第(五)项 /
    本年处理决定数量 / 行政许可 / 270 / 第二十条第(六)项 / 行政处罚 / 2'). Only a row with those columns in
    the layout can use them."""
    earlier = [m for m in header_marks if m < header_lo]
    if not earlier:
        return []
    return [(pos, label) for pos, label in column_hits if max(earlier) <= pos < header_lo]


def numbers_above_rows(src: Source, rows: list[tuple[Hit, int, list[Fact], Flag | None]]) -> bool:
    """PDF text may print a table's numbers above its row labels (`13 13 524` / `规章` / `60 60 368` /
    `规范性文件`): then the numbers after each label are the next row's, and the last row has none.
    Numbers between the header and the first row (outside the header's notes), with none after the
    last row, give that order away."""
    first, header_end, _, _ = rows[0]
    _, _, got, flag = rows[-1]
    above = NOTE.sub("", src.squeezed[header_end : first.start])
    return bool(DIGIT.search(above)) and not got and flag is None


def row_columns(hit: Hit, header: list[tuple[int, str]]) -> list[tuple[int, Section2Cell]]:
    """The cells of a row in the order its header prints them, one per metric (both templates name
    some columns alike)."""
    columns: dict[str, tuple[int, Section2Cell]] = {}
    for cell in cells_of_row(hit.label):
        if cell.metric_id in columns:
            continue
        found = [pos for pos, label in header if cell_matches(cell, label)]
        if found:
            columns[cell.metric_id] = (found[0], cell)
    return sorted(columns.values(), key=lambda x: x[0])


def template_columns(hit: Hit, named: list[Section2Cell], width: int) -> list[Section2Cell] | None:
    """Plain text of a header wrapped within its cells (`本年新 本年新` / `信息内容 对外公开总数量` /
    `制作数量 公开数量`) names only some of a row's columns. When the row has more numbers than named
    columns, every named column belongs to one layout's row, and that row has exactly as many cells as
    there are numbers, the layout's printed order places them; if both layouts fit, they must agree."""
    if not named or width <= len(named):
        return None
    readings = set()
    row = cells_of_row(hit.label)
    for fmt in (STD2019, STD2021):
        cells = [c for c in section2_cells(fmt) if c in row]
        if len(cells) == width and set(named) <= set(cells):
            readings.add(tuple(cells))
    return list(readings.pop()) if len(readings) == 1 else None


# The fewest characters of a header cut short (`本年增/` for 本年增/减) that still name its column.
MIN_CUT_HEADER = 3


def with_cut_headers(
    src: Source, hit: Hit, columns: list[tuple[int, Section2Cell]], header_lo: int
) -> list[tuple[int, Section2Cell]]:
    """A header cell cut short by the converter (`本年增/`) still names its column where its first
    characters begin no other column of the row and stand in the header apart from the named ones."""
    found = {cell.metric_id for _, cell in columns}
    row_cells = cells_of_row(hit.label)
    taken = [(pos, pos + len(compact(cell.column_labels[0]))) for pos, cell in columns]
    out = list(columns)
    for cell in row_cells:
        if cell.metric_id in found or any(c.metric_id == cell.metric_id for _, c in out):
            continue
        prefix = compact(cell.column_labels[0])[:MIN_CUT_HEADER]
        others = [c for c in row_cells if c.metric_id != cell.metric_id]
        if any(label.startswith(prefix) for c in others for label in compact_labels(c.column_labels)):
            continue
        pos = src.squeezed.find(prefix, header_lo, hit.start)
        if pos >= 0 and not any(lo <= pos < hi for lo, hi in taken):
            out.append((pos, cell))
    return sorted(out, key=lambda x: x[0])


def section2_row(
    src: Source,
    hit: Hit,
    columns: list[tuple[int, Section2Cell]],
    stop: int,
    clauses: list[tuple[frozenset, str]],
    grid: bool,
    cut_short: bool = False,
) -> tuple[list[Fact], Flag | None]:
    label = src.span(src.norm_at(hit.start), src.norm_at(hit.end - 1) + 1)
    row_line = line_at(src.norm, src.norm_at(hit.start))
    header_at = src.norm_at(columns[0][0])
    header_line = line_at(src.norm, header_at)
    # A page's text that kept a table's borders but not its line breaks runs the table onto one line
    # with its header: no columns to line up, so its cells are read in order after the label, as in
    # prose. (A grid's line is one row by construction.)
    one_line = not grid and line_at(src.norm, src.norm_at(hit.start)) == header_line
    if "|" in row_line and "|" in header_line and not one_line:
        if _figure_under_a_lost_header(_header_block(src.norm, src.norm_at(columns[0][0])), row_line):
            return [], Flag(
                "ambiguous_row",
                f"{src.where}, section 二 row {label}: a figure stands under a header cell that no line "
                "of the header names, so a column's name was printed outside the table and which figure "
                "is whose is unknown; the row is left out",
            )
        return section2_aligned(
            src, label, columns, line_at(src.original, src.norm_at(hit.start)), header_line, cut_short
        )
    after_label = NOTE.sub(
        lambda m: " " * len(m.group()), src.norm[src.norm_at(hit.end - 1) + 1 : src.norm_at(stop)]
    )
    gap = cells_text(after_label)
    original_gap = src.original[src.norm_at(hit.end - 1) + 1 : src.norm_at(stop)]
    tokens = list(_AMOUNT.finditer(gap))
    header_texts = header_spans(src, columns, hit.start)
    cut = cut_short and 0 < len(tokens) < len(columns) and not after_label[tokens[-1].end() :].strip(" |\n")
    if cut or len(tokens) == len(columns):
        # An excerpt that ends within the row gives its cells before the end, in the header's order.
        facts = [
            section2_fact(
                cell, m.group(), original_gap[m.start() : m.end()], header_texts[i], src.where, label
            )
            for i, ((_, cell), m) in enumerate(zip(columns, tokens, strict=not cut))
        ]
        for fact in facts if cut else ():
            if fact:
                fact.note = "the text ends within the row; its cells before the end are read in order"
        return [f for f in facts if f], None
    placed = template_columns(hit, [cell for _, cell in columns], len(tokens))
    if placed:
        headers = dict(zip((cell.metric_id for _, cell in columns), header_texts, strict=True))
        facts = [
            section2_fact(
                cell,
                m.group(),
                original_gap[m.start() : m.end()],
                headers.get(cell.metric_id, ""),
                src.where,
                label,
            )
            for cell, m in zip(placed, tokens, strict=True)
        ]
        for fact in facts:
            if fact:
                fact.note = "the header names only some columns; the layout's column order places the values"
        return [f for f in facts if f], None
    digits = "".join(m.group() for m in tokens)
    # A count printed with its unit ('31批次') is one cell, never several run together.
    with_unit = bool(tokens) and bool(CJK.match(after_label, tokens[0].end()))
    if len(tokens) == 1 and digits.isdigit() and len(columns) > 1 and not with_unit:
        return section2_run(src, label, hit.key, [cell for _, cell in columns], digits, clauses)
    if not tokens:
        return [], None
    split = split_zero_led([m.group() for m in tokens], len(columns))
    if split is not None:
        return [
            f
            for f in (
                section2_fact(cell, str(v), f"{v} (from '{gap.strip()}')", "", src.where, label)
                for (_, cell), v in zip(columns, split, strict=True)
            )
            if f
        ], None
    return [], Flag(
        "ambiguous_row",
        f"{src.where}, section 二 row {label}: {len(tokens)} values for "
        f"{len(columns)} columns ('{gap.strip()[:60]}'); the row is left out",
    )


# A table's closing rule in markdown or pandoc text (`-----  -----`, `+===+`): the row ends there.
_TABLE_RULE = re.compile(r"\n[ \t]*[-=+:|][-=+:| \t]*[-=]{3}[-=+:| \t]*(?:\n|$)")


def cells_text(gap: str) -> str:
    """The text of a row's cells: up to the first Chinese word that is not a unit or a cell mark, or
    the table's closing rule."""
    rule = _TABLE_RULE.search(gap)
    gap = gap[: rule.start()] if rule else gap
    pos = 0
    while (m := CJK.search(gap, pos)) is not None:
        word = _CELL_WORD.match(gap, m.start())
        if word is None:
            return gap[: m.start()]
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


def section2_run(
    src: Source,
    label: str,
    row: tuple[str, ...],
    cells: list[Section2Cell],
    digits: str,
    clauses: list[tuple[frozenset, str]],
) -> tuple[list[Fact], Flag | None]:
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
    facts = [
        section2_fact(cell, str(v), f"{v} (from '{digits}')", "", src.where, label)
        for cell, v in zip(cells, known, strict=True)
        if v is not None
    ]
    shown = "|".join("?" if v is None else str(v) for v in known)
    why = f", agreeing with the report's text ({'; '.join(stated)})" if stated else ""
    if None in known:
        return [f for f in facts if f], Flag(
            "ambiguous_row",
            f"{src.where}, section 二 row {label}: '{digits}' runs {len(cells)} cells "
            f"together and splits several ways{why}; only the certain cells are kept: {shown}",
        )
    if stated:
        return [f for f in facts if f], Flag(
            "ambiguous_row",
            f"{src.where}, section 二 row {label}: '{digits}' read as {shown}{why}",
            severity="info",
        )
    return [f for f in facts if f], None


def prose_clauses(src: Source, layout: Section2Layout, before: int) -> list[tuple[frozenset, str]]:
    """The clauses of the prose before section 二, each with the section 二 rows it names."""
    text = src.norm[: src.norm_at(before)]
    out = []
    for clause in re.split(r"[,.;:!?]", text):
        squeezed = re.sub(r"\s+", "", clause)
        rows = frozenset(layout.row_keys[m.group()] for m in layout.rows.finditer(squeezed))
        if len(rows) == 1:
            out.append((rows, squeezed))
    return out


def prose_values(
    cell: Section2Cell, row: tuple[str, ...], clauses: list[tuple[frozenset, str]]
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
    return [src.squeezed[bounds[i] : min(bounds[i + 1], bounds[i] + 20)] for i in range(len(columns))]


def section2_aligned(
    src: Source,
    label: str,
    columns: list[tuple[int, Section2Cell]],
    row_line: str,
    header_line: str,
    cut_short: bool = False,
) -> tuple[list[Fact], Flag | None]:
    row_cells = row_line.split("|")
    header_cells = [compact(c) for c in header_line.split("|")]
    row_cells = padded_row(row_cells, header_cells)
    cut = cut_short and len(without_trailing_blanks(row_cells)) < len(header_cells)
    if cut:  # the cells after the cut are unknown, not blank: none is read
        row_cells = (without_trailing_blanks(row_cells) + [_UNREAD] * len(header_cells))[: len(header_cells)]
    if len(row_cells) != len(header_cells):
        return [], Flag(
            "ambiguous_row",
            f"{src.where}, section 二 row {label}: the row has "
            f"{len(row_cells) - 2} cells under a header of {len(header_cells) - 2}; "
            "which column lost its cell is unknown, so the row is left out",
        )
    if not label_under_header(row_cells, header_cells, label):
        return [], Flag(
            "ambiguous_row",
            f"{src.where}, section 二 row {label}: its label does not stand under the header's "
            f"{SECTION2_HEADER[0]} cell, so its cells cannot be lined up with the columns; the row is left out",
        )
    facts = []
    for _, cell in columns:
        index = next((i for i, h in enumerate(header_cells) if cell_matches(cell, h)), None)
        if index is None:
            continue
        text = row_cells[index].strip()
        fact = section2_fact(
            cell, normalize(text), text, _with_unit_cell(header_cells, index), src.where, label
        )
        if fact:
            facts.append(fact)
    for fact in facts if cut else ():
        fact.note = "the text ends within the row; its cells before the end are read in order"
    read = {f.metric_id for f in facts}
    return facts + cut_header_facts(src, label, row_cells, header_cells, read), None


# A cell the text ended before: it reads as nothing, not as a blank.
_UNREAD = "?"


# A header cell cut short by a converter still names its columns by its first characters.
MIN_CUT_HEADER = 3


def _with_unit_cell(header_cells: list[str], index: int) -> str:
    """A header cell with the unit a converter set in a cell of its own after it (`采购总金额 | （元）`)."""
    after = header_cells[index + 1] if index + 1 < len(header_cells) else ""
    return header_cells[index] + after if _UNIT_CELL.fullmatch(after) else header_cells[index]


def _header_block(text: str, pos: int) -> list[str]:
    """The `|` lines without figures around the header line at `pos`: the whole header, however many
    lines a wrapped header takes."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    lines = [text[start:end]]
    while start > 0:  # upwards
        above = text.rfind("\n", 0, start - 1) + 1
        line = text[above : start - 1]
        if "|" not in line or DIGIT.search(line):
            break
        lines.insert(0, line)
        start = above
    while end < len(text):  # downwards
        below = text.find("\n", end + 1)
        line = text[end + 1 : len(text) if below < 0 else below]
        if "|" not in line or DIGIT.search(line):
            break
        lines.append(line)
        end = len(text) if below < 0 else below
    return lines


def _figure_under_a_lost_header(header_lines: list[str], row_line: str) -> bool:
    """A figure under a cell no header line names, whose left neighbour's own cell holds one too: no
    header spans both (a spanning header, `本年增/减` over two cells, leaves one of them blank in the
    row), so a column's name went missing (printed above the table) and the names stand over the
    wrong cells. Header lines of another width than the row say nothing of its cells, and a Markdown
    rule (`| --- |`) names none."""
    row = row_line.split("|")
    headers = [line.split("|") for line in header_lines if line.count("|") == row_line.count("|")]
    if not headers:
        return False
    return any(
        DIGIT.search(row[i]) and row[i - 1].strip() and not any(compact(h[i]).strip("-:") for h in headers)
        for i in range(1, len(row))
    )


def cut_header_facts(
    src: Source, label: str, row_cells: list[str], header_cells: list[str], read: set[str]
) -> list[Fact]:
    """Header cells a converter cut short (`本年新` twice, for 本年新制作数量 and 本年新公开数量) name
    several columns at once: as many cut cells as the columns they may name stand for those columns in
    the layout's order, the order of the national template (when the row's cells under them are all
    equal, the order does not matter)."""
    compacted = compact(label)
    cells = [c for c in cells_of_row(compacted) if c.metric_id not in read]
    positions: dict[str, list[int]] = {}
    for index, header in enumerate(header_cells):
        if len(header) >= MIN_CUT_HEADER and not any(cell_matches(c, header) for c in cells):
            positions.setdefault(header, []).append(index)
    facts = []
    for header, indexes in positions.items():
        named = list(
            {
                c.metric_id: c for c in cells if any(compact(x).startswith(header) for x in c.column_labels)
            }.values()
        )
        if len(indexes) < 2 or len(named) != len(indexes):
            continue
        equal = len({row_cells[i].strip() for i in indexes}) == 1
        for cell, index in zip(named, indexes, strict=True):
            text = row_cells[index].strip()
            fact = section2_fact(cell, normalize(text), text, header, src.where, label)
            if fact:
                fact.note = f"the header prints '{header}' over {len(indexes)} columns; " + (
                    "their cells are equal" if equal else "they are taken in the layout's order"
                )
                facts.append(fact)
    return facts


def label_under_header(row_cells: list[str], header_cells: list[str], label: str) -> bool:
    """The row's label sits in the column of the header's 信息内容 cell: otherwise a cell was lost or a
    caption joined the header, and every value would land one column off."""
    header = next((i for i, h in enumerate(header_cells) if compact(SECTION2_HEADER[0]) in h), None)
    row = next((i for i, c in enumerate(row_cells) if compact(label) in compact(c)), None)
    return header is None or row is None or header == row


def padded_row(row_cells: list[str], header_cells: list[str]) -> list[str]:
    """The row's cells lined up with a header when either prints more cells only as blank padding
    (`信息内容 | 本年收费金额 | ||` over `行政事业性收费 | 0 |`, or a scan's grid `行政许可 | 491 | ` under
    `信息内容 | 本年处理决定数量`): when both name and fill the same cells once trailing blanks are set
    aside, no cell of the row can have moved. A row short of a named column, or rows that start
    differently (one with a border, one without), stay as they are."""
    if len(row_cells) == len(header_cells) or bool(row_cells[0].strip()) != bool(header_cells[0]):
        return row_cells
    if len(without_trailing_blanks(row_cells)) != len(without_trailing_blanks(header_cells)):
        return row_cells
    return (row_cells + [""] * len(header_cells))[: len(header_cells)]


def without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def section2_fact(
    cell: Section2Cell, text: str, original: str, header: str, where: str, label: str
) -> Fact | None:
    value = section2_value(cell, NOTE.sub("", text).strip(), header)
    if value is False:
        return None
    return Fact(
        cell.metric_id, value, evidence=f"{where}, row {label}, column {cell.column_labels[0]}: {original}"
    )


def section2_value(cell: Section2Cell, text: str, header: str):
    """A number (units converted to the metric's), None for "not applicable", False when unreadable."""
    m = _AMOUNT.fullmatch(text.replace(" ", ""))
    if not text or not m or _NUMBERS_APART.search(text):
        return False
    if m.group("na"):
        return None
    if m.group("zero"):
        return 0
    number = float(m.group("num").replace(",", ""))
    unit = m.group("unit") or (
        "元" if cell.unit == "万元" and "元" in header and "万元" not in header else ""
    )
    if cell.unit == "万元" and unit == "元":
        number /= 10000
    number = round(number, 6)
    return int(number) if number.is_integer() and cell.unit != "万元" else number
