"""The 政府信息公开情况统计表 of the 2015-2018 reports: every row mapped to its metric.

Rows are declared in metrics.templates.legacy_table. A printed row matches a declared row when its
label, reduced to the core form (numbering, 其中, notes in parentheses and a trailing 数 removed),
equals one of the declared variants; labels shared by several sections (维持具体行政行为数 ...) go to
the section the table is in at that point. Tables come from doc.tables when the reader found
real tables; otherwise the flattened text is read as a stream of label, unit and number pieces
('收到申请数 | 件 | 12', or each on its own line).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from metrics.models import Document, Fact, Flag, Metadata, Table
from metrics.normalize import normalize
from metrics.numbers_zh import ARABIC, parse_arabic, to_10k_yuan
from metrics.templates.legacy_table import LEGACY_ROWS, LEGACY_SECTIONS, LegacyRow, core_label

_UNITS = ("人次", "万元", "件", "条", "次", "个", "人", "篇", "元", "项", "期")
_UNIT_RE = "|".join(_UNITS)
# A cell that means zero in a present row.
_ZERO_MARKS = {"-", "--", "---", "/", "无", "0", "〇", "零"}
_VALUE = re.compile(rf"^(?P<num>{ARABIC})\s*(?P<unit>{_UNIT_RE})?$")
# '01', '007': row codes of statistical forms; no count is printed with a leading zero.
_ROW_CODE = re.compile(r"^0\d+$")
_HEADER_WORDS = {
    "统计指标",
    "指标",
    "单位",
    "统计数",
    "统计数据",
    "数量",
    "计量单位",
    "数值",
    "项目",
    "内容",
    "指标名称",
    "序号",
    "代码",
    "行次",
    "栏次",
    "编号",
    "本年数",
    "本年度",
    "历年累计",
    "累计数",
}
# Headers of a column of row codes printed between the unit and the figures ('主动公开信息数 | 条 | 01 | 236').
_CODE_HEADERS = {"代码", "行次", "栏次", "编号"}
_TABLE_TITLE = re.compile(r"统计表|统计指标")
# Without a table title, so many rows must match before a run of text counts as the table.
_MIN_ROWS_UNTITLED = 3

_BY_CORE: dict[str, list[tuple[int, LegacyRow]]] = {}
for _index, _row in enumerate(LEGACY_ROWS):
    for _label in _row.labels:
        _BY_CORE.setdefault(_label, []).append((_index, _row))
_SECTION_BY_CORE = {label: section for section, labels in LEGACY_SECTIONS for label in labels}
_CORES_BY_LENGTH: dict[int, list[str]] = {}
for _label in _BY_CORE:
    _CORES_BY_LENGTH.setdefault(len(_label), []).append(_label)
# A label OCR read this long with one character wrong still names its row (see _misread_core).
_MISREAD_MIN_CHARS = 8


@dataclass(frozen=True)
class Value:
    number: float
    unit: str  # the unit printed with the number, if any


@dataclass
class _Reading:
    row: LegacyRow
    value: Value
    unit_cell: str
    evidence: str


# --- cells ----------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _clean_short(text) if len(text) <= _CACHED_LENGTH else _cleaned(text)


def _cleaned(text: str) -> str:
    return "".join(normalize(text).split()).replace("—", "-")


# A table's cells are cleaned several times over (as value, unit and label), and labels repeat from
# report to report: short ones are kept, as normalize keeps them.
_CACHED_LENGTH = 200
_clean_short = functools.lru_cache(maxsize=1 << 16)(_cleaned)


def parse_value(text: str) -> Value | None:
    """'12' / '1,236' / '3件' / '251000元' / '12.5万元' / '—' (0); None when the cell holds no value."""
    cell = _clean(text)
    if cell in _ZERO_MARKS:
        return Value(0, "")
    if _ROW_CODE.match(cell):
        return None
    m = _VALUE.match(cell)
    if not m:
        return None
    number = parse_arabic(m.group("num"))
    return None if number is None else Value(number, m.group("unit") or "")


def _is_unit(text: str) -> bool:
    return _clean(text).strip("()") in _UNITS


def match_row(label: str, section: str, misread: bool = False) -> LegacyRow | None:
    """The declared row this printed label names, read in the table section we are in; with
    `misread`, also a label OCR read with one character wrong."""
    core = core_label(label)
    candidates = _BY_CORE.get(core) or (_BY_CORE.get(_misread_core(core), []) if misread else [])
    if not candidates:
        return None
    in_section = [row for _, row in candidates if row.section == section]
    if in_section:
        return in_section[0]
    if len({row.section for _, row in candidates}) == 1:
        return candidates[0][1]
    return None


def _misread_core(core: str) -> str:
    """The one declared label a long label differs from in a single character ('专内机构' for
    '专门机构'), or ''. A label that close to two declared ones names neither; a short one is not
    tried, where one character tells rows apart."""
    if len(core) < _MISREAD_MIN_CHARS:
        return ""
    near = [label for label in _CORES_BY_LENGTH.get(len(core), ()) if _differences(label, core) == 1]
    # Two wordings of one row ('…和社会稳定', '…或社会稳定') are one answer.
    rows = {tuple(row.metric_id for _, row in _BY_CORE[label]) for label in near}
    return near[0] if len(rows) == 1 else ""


def _differences(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b, strict=True))


def section_of(label: str) -> str:
    core = core_label(label)
    if core in _SECTION_BY_CORE:
        return _SECTION_BY_CORE[core]
    candidates = _BY_CORE.get(core, [])
    sections = {row.section for _, row in candidates if not row.parent}
    return sections.pop() if len(sections) == 1 else ""


# --- values with units ----------------------------------------------------------------------------


def _fact(reading: _Reading) -> tuple[Fact, Flag | None]:
    row, value = reading.row, reading.value
    unit = value.unit or _clean(reading.unit_cell).strip("()")
    number, note, flag = value.number, "", None
    if row.unit == "万元":
        if unit == "元":
            number = to_10k_yuan(number, "元")
            note = f"printed as {value.number:g} 元"
    elif unit in ("万元", "元"):
        flag = Flag(
            "unit_mismatch",
            f"{row.metric_id} is a count but the table gives it in {unit}; not kept",
            metric_id=row.metric_id,
        )
        return Fact(row.metric_id, None), flag
    return Fact(row.metric_id, number, evidence=reading.evidence, note=note), flag


# --- tables ---------------------------------------------------------------------------------------


# Headers of the column that holds the year's figures; a 历年累计 column may stand beside it, before or after.
_YEAR_COLUMN = re.compile(
    r"^(?:统计数|统计数据|数量|数值|统计数字|本年(?:度)?(?:数|统计数|数量)?|当年(?:数)?|本期(?:实际)?(?:数)?"
    r"|(?:19|20)\d\d年(?:度)?(?:数|统计数)?)$"
)


def _value_column(table: Table) -> int | None:
    for row in table.rows[:4]:
        for i, cell in enumerate(row):
            if _YEAR_COLUMN.match(_clean(cell)):
                return i
    return None


def _readings_from_table(table: Table, ocr: bool) -> Iterator[_Reading]:
    section = ""
    value_col = _value_column(table)
    for cells in table.rows:
        row, label_at = None, -1
        for i, cell in enumerate(cells):
            if parse_value(cell) is not None or _is_unit(cell) or not _clean(cell):
                continue
            section = section_of(cell) or section
            found = match_row(cell, section, misread=ocr)
            if found is not None:
                row, label_at = found, i
                section = found.section
        if row is None:
            continue
        after = [c for c in cells[label_at + 1 :] if _clean(c) != _clean(cells[label_at])]
        unit_cell = next((c for c in after if _is_unit(c)), "")
        if value_col is not None and label_at < value_col < len(cells):
            value = parse_value(cells[value_col])
        else:
            values = [v for v in (parse_value(c) for c in after if not _is_unit(c)) if v is not None]
            value = values[0] if len({v.number for v in values}) == 1 else None
        if value is not None:
            evidence = " | ".join(c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1]))
            yield _Reading(row, value, unit_cell, evidence)


# --- flattened text -------------------------------------------------------------------------------

# Notes in parentheses: '(不同渠道和方式公开相同信息计1条)' after a label, '(其中修订16件)' after a number.
_NOTE = re.compile(r"\([^()]{4,}\)")
_PAGE_FOOTER = re.compile(r"^-+\s*\d+\s*-+$")
# So many rows named one after another without a number are a column of labels printed apart from
# its column of numbers; a table's blank rows seldom run this long.
_LABEL_BLOCK = 1
# A wrapped label spans at most this many lines of a narrow label column.
_MAX_LABEL_PIECES = 4
_PIECE_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_PIECE = re.compile(
    rf"^(?P<label>.*?)\s*(?:(?P<unit>\(?(?:{_UNIT_RE})\)?)\s*)?"
    rf"(?P<value>(?:{ARABIC})\s*(?:{_UNIT_RE})?|-+|/|无)?$"
)


@dataclass(frozen=True)
class _Token:
    kind: str  # label | unit | value
    text: str
    line: str


def _tokens(lines: Iterable[tuple[str, str]]) -> Iterator[_Token]:
    """Pieces of (normalised line, original line) pairs; tokens carry the original for evidence.

    A number that opens a line before its label ('| 3 | 其中:主动公开规范性文件数 | 条 | 12 |') is the row's
    serial number, never the figure of the row above: it becomes an `index` token.
    """
    for clean_line, line in lines:
        line_tokens = list(_line_tokens(clean_line, line))
        opens_with_index = len(line_tokens) > 1 and [t.kind for t in line_tokens[:2]] == ["value", "label"]
        for i, token in enumerate(line_tokens):
            yield _Token("index", token.text, line) if i == 0 and opens_with_index else token


def _line_tokens(clean_line: str, line: str) -> Iterator[_Token]:
    for piece in _PIECE_SPLIT.split(clean_line):
        piece = _NOTE.sub("", piece).strip()
        if not piece or _PAGE_FOOTER.match(piece):
            continue
        m = _PIECE.match(piece)
        if m is None or _glued_unit(m):
            yield _Token("label", piece, line)
            continue
        if m.group("label"):
            yield _Token("label", m.group("label"), line)
        if m.group("unit"):
            yield _Token("unit", m.group("unit"), line)
        if m.group("value"):
            yield _Token("value", m.group("value"), line)


def _glued_unit(m: re.Match) -> bool:
    """A label that merely ends in a unit's character ('规范性文件', cut there by a line break) is
    all label: a unit cell stands apart from its label, in parentheses, or before the number."""
    unit = m.group("unit")
    return bool(
        m.group("label")
        and unit
        and not m.group("value")
        and not unit.startswith("(")
        and m.end("label") == m.start("unit")
    )


def _readings_from_lines(lines: list[tuple[str, str]]) -> Iterator[_Reading]:
    section = ""
    pending: LegacyRow | None = None
    unit, evidence = "", []
    has_code_column = code_pending = False
    value_headers: list[str] = []  # the headers of the figure columns, in their printed order
    skip = 0  # figures of the row still to pass before the year's one
    label_run: list[_Token] = []  # the label pieces since the last unit or number
    unvalued = 0  # rows named one after another with no number between them
    for token in _tokens(lines):
        if token.kind != "label":
            label_run = []
        if token.kind == "label":
            header = _clean(token.text)
            if header in _HEADER_WORDS or _is_value_header(header):
                has_code_column = has_code_column or header in _CODE_HEADERS
                if _is_value_header(header):
                    value_headers.append(header)
                label_run = []
                continue
            # A row named right after another, nothing between them: the one before got no number.
            before = pending if len(label_run) > 0 else None
            label_run = (label_run + [token])[-_MAX_LABEL_PIECES:]
            pending, section, pieces = _match_label(label_run, section)
            if before is None:
                unvalued = 0
            elif pending is not None and pending is not before:
                unvalued += 1
            unit, evidence = "", list(dict.fromkeys(t.line.strip() for t in pieces))
            code_pending = has_code_column
            skip = _year_column_index(value_headers)
            if skip is None:
                pending = None  # a 累计 column beside others, and none says which is the year's
        elif pending is None or token.kind == "index":
            continue
        elif token.kind == "value" and code_pending:
            code_pending = False
        elif token.kind == "unit":
            unit = token.text
            if token.line.strip() not in evidence:
                evidence.append(token.line.strip())
        elif skip:
            skip -= 1
        else:
            value = parse_value(token.text)
            # After a block of rows named with no number between them, the numbers that follow are a
            # block too (PDF text read column by column): the first is not the last row's.
            if value is not None and unvalued < _LABEL_BLOCK:
                if token.line.strip() not in evidence:
                    evidence.append(token.line.strip())
                yield _Reading(pending, value, unit, " / ".join(evidence))
            pending = None
            unvalued = 0


def _is_value_header(header: str) -> bool:
    return bool(_YEAR_COLUMN.match(header)) or "累计" in header


def _is_cumulative(header: str) -> bool:
    """历年累计, 累计数: over the years. 本年累计 (the year to date) is the year's own figure."""
    return "累计" in header and not header.startswith("本年")


def _year_column_index(value_headers: list[str]) -> int | None:
    """Which of a row's figures is the year's: the first where the header names no cumulative column;
    else the place of the one year's column among the figure columns (None when no header names it)."""
    if not any(_is_cumulative(h) for h in value_headers):
        return 0
    years = [i for i, h in enumerate(value_headers) if not _is_cumulative(h)]
    return years[0] if len(years) == 1 else None


def _match_label(run: list[_Token], section: str) -> tuple[LegacyRow | None, str, list[_Token]]:
    """The row named by the label pieces just read, the section we are then in, and the pieces used.

    A label too long for its column is printed over several lines ('其中:主动公开规范性文件' / '数'),
    so the longest run of pieces that names a row wins; a piece naming no row, alone or joined to
    those before it, leaves no row pending, and a number after it is not taken.
    """
    for start in range(len(run)):
        text = "".join(t.text for t in run[start:])
        row = match_row(text, section_of(text) or section)
        if row is not None:
            return row, row.section, run[start:]
    sections = (section_of("".join(t.text for t in run[start:])) for start in range(len(run)))
    return None, next((s for s in sections if s), section), run[-1:]


def _table_lines(text: str) -> tuple[list[tuple[str, str]], bool]:
    """(normalised, original) lines from the table title on, and whether a title was found."""
    originals = text.splitlines()
    normalised = normalize(text).splitlines()
    if len(normalised) != len(originals):  # normalisation never should merge lines; if it did, show its text
        originals = normalised
    lines = _rejoin_wrapped_units([(n.strip(), o) for n, o in zip(normalised, originals, strict=True)])
    for i, (line, _) in enumerate(lines):
        if _TABLE_TITLE.search(line):
            return lines[i:], True
    return lines, False


# A two-character unit wrapped in a narrow unit column of PDF text: its first character ends the
# line above the row's number (alone or after a label piece), its second the line below.
_WRAPPED_UNITS = {unit[:1]: unit[1:] for unit in _UNITS if len(unit) == 2}
_ENDS_IN_PIECE = re.compile(r"(?:^|(?<=\s))(?P<piece>\S)$")
_ENDS_IN_VALUE = re.compile(rf"(?P<value>(?:{ARABIC}))$")


def _rejoin_wrapped_units(lines: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`人` / `(三)接受培训人员数 120` / `次`: the unit 人次 goes back before the number it belongs to,
    and its pieces leave the lines around (a label's pieces there stay, joined where the label's
    note wraps around the number: `(四)专项经费(不包括… 万` / `12.5` / `的经费) 元`)."""
    out = list(lines)
    for i in range(1, len(out) - 1):
        above, row, below = out[i - 1][0], out[i][0], out[i + 1][0]
        first, second = _ENDS_IN_PIECE.search(above), _ENDS_IN_PIECE.search(below)
        value = _ENDS_IN_VALUE.search(row)
        if not (first and second and value) or _WRAPPED_UNITS.get(first["piece"]) != second["piece"]:
            continue
        unit = first["piece"] + second["piece"]
        head, tail = above[: first.start()].strip(), below[: second.start()].strip()
        if head.count("(") > head.count(")") and tail.count(")") > tail.count("("):
            head, tail = head + tail, ""  # the label's note closes on the line below its number
        out[i - 1] = (head, out[i - 1][1])
        out[i] = (f"{row[: value.start()].strip()} {unit} {value['value']}".strip(), out[i][1])
        out[i + 1] = (tail, out[i + 1][1])
    return out


# --- putting it together --------------------------------------------------------------------------


def _collect(readings: Iterable[_Reading], facts: dict[str, Fact], flags: list[Flag]) -> None:
    conflicting: set[str] = set()
    for reading in readings:
        fact, flag = _fact(reading)
        if flag is not None:
            flags.append(flag)
            continue
        previous = facts.get(fact.metric_id)
        if previous is None and fact.metric_id not in conflicting:
            facts[fact.metric_id] = fact
        elif previous is not None and previous.value != fact.value:
            conflicting.add(fact.metric_id)
            del facts[fact.metric_id]
            flags.append(
                Flag(
                    "ambiguous_row",
                    f"the table gives {fact.metric_id} twice with different values "
                    f"({previous.value:g} and {fact.value:g}); none kept",
                    metric_id=fact.metric_id,
                )
            )


# Where this share of a text's rows print their unit, every row of the table has a unit column.
_UNIT_COLUMN_SHARE = 0.8


def with_units_where_the_table_has_them(readings: list[_Reading], flags: list[Flag]) -> list[_Reading]:
    """A table whose rows print their unit (`件 12`) gives a number without one only where the text
    lost the table's order: PDF text prints the labels and the `unit value` lines in blocks apart,
    and a stray number (a page's last digit) stands after the last label of a block. Such a number
    is not the row's."""
    with_unit = [r for r in readings if r.unit_cell or r.value.unit]
    if len(with_unit) < _UNIT_COLUMN_SHARE * len(readings):
        return readings
    for r in readings:
        if not (r.unit_cell or r.value.unit):
            flags.append(
                Flag(
                    "ambiguous_row",
                    f"row {r.row.labels[0]}: the number {r.value.number:g} stands without the unit every other "
                    "row prints, "
                    "so it may belong to another row; it is left out",
                    metric_id=r.row.metric_id,
                )
            )
    return with_unit


def extract_legacy_table(doc: Document, meta: Metadata) -> tuple[list[Fact], list[Flag]]:
    """The statistics table's figures; `meta` is part of every extractor's call and not needed here."""
    flags: list[Flag] = []
    from_tables: dict[str, Fact] = {}
    for table in doc.tables:
        _collect(_readings_from_table(table, ocr=bool(doc.ocr)), from_tables, flags)
    lines, titled = _table_lines(doc.text)
    from_text: dict[str, Fact] = {}
    text_flags: list[Flag] = []
    _collect(
        with_units_where_the_table_has_them(list(_readings_from_lines(lines)), text_flags),
        from_text,
        text_flags,
    )
    if not titled and len(from_text) < _MIN_ROWS_UNTITLED:
        from_text, text_flags = {}, []
    facts = dict(from_tables)
    for metric_id, fact in from_text.items():
        facts.setdefault(metric_id, fact)
    if not from_tables:
        flags += text_flags
    return list(facts.values()), flags
