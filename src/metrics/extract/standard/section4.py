from __future__ import annotations

import functools
import re

from metrics.extract.standard.cells import (
    CELL_TOKEN,
    CELL_WORDS,
    CJK,
    DIGIT,
    Reading,
    count_value,
    has_merged_cell,
    loose_tokens,
    pipe_cells,
    read_cells,
    read_tokens,
    totals_hold,
    unknown_row,
)
from metrics.extract.standard.section3 import split_note
from metrics.extract.standard.source import Source
from metrics.models import Fact, Flag
from metrics.normalize import compact
from metrics.templates import SECTION4_COLUMNS, SECTION4_GROUPS
from metrics.templates.standard import SECTION4_START, section4_metric

SECTION4_CELLS = tuple((g, c) for g, _ in SECTION4_GROUPS for c, _ in SECTION4_COLUMNS)


SECTION4_ZH = {(g, c): f"{gz} {cz}" for g, gz in SECTION4_GROUPS for c, cz in SECTION4_COLUMNS}


@functools.cache
def section4_header_chars() -> frozenset[str]:
    words = [zh for _, zh in SECTION4_COLUMNS] + [zh for _, zh in SECTION4_GROUPS] + list(SECTION4_START)
    return frozenset("".join(compact(w) for w in words))


# How the cells of section 四 were set apart.
BORDERS = "borders"  # `|` between cells: in their printed order, blank cells kept
LINES = "lines"  # one number per line: PDF-to-text tools may have reordered them
SPACES = "spaces"  # several numbers on a line: cells may have run together or lost blanks
BLANK_LINES = "blank lines"  # one cell per line, blank cells as lines of spaces: all fifteen in order


def section4_cells(src: Source, lo: int) -> tuple[list[str], str]:
    """The printed cells after the section 四 header, up to the prose that follows, and how they
    were set apart (BORDERS, LINES or SPACES).

    One cell per line (a crawler's text of the table) keeps a blank cell as a line holding only
    spaces (an `&nbsp;` cell); where those lines and the numbers make exactly the fifteen cells and
    every group adds up, they are the row as printed, blanks in place (kind BLANK_LINES)."""
    start = src.norm_at(lo)
    header = section4_header_chars()
    cells: list[str] = []
    slots: list[str] = []  # the cells with blank-cell lines in place, for one cell per line
    empty_row: list[str] = []  # a row printed with every cell blank, or a markdown table's empty head
    kinds: set[str] = set()
    for line in src.norm[start : start + 4000].split("\n"):
        if line.strip().startswith("注"):
            continue  # a note under the table
        if "|" in line and has_merged_cell(line):
            # Cells run together (see has_merged_cell): the numbers in their printed order.
            cells.extend(loose_tokens(line))
            kinds.add(SPACES)
        elif "|" in line:
            whole_row = full_pipe_row(line, len(SECTION4_CELLS))
            if not cells and whole_row is not None:
                return whole_row, BORDERS  # one printed row holding all fifteen cells, blanks included
            values = pipe_cells(line, label_line=False)
            if values is not None and not any(v.strip() for v in values) and not cells:
                empty_row = empty_row or values  # the printed row, unless one with numbers follows
            elif values is not None:
                cells.extend(values)
                kinds.add(BORDERS)
            elif cells and is_prose(line, header):
                break
        elif cells and line and not line.strip():
            slots.append("")
        else:
            # Once the cells have begun, a line may hold nothing but a blank cell's mark ("/", "无").
            first = (CELL_TOKEN if cells else DIGIT).search(line)
            begin = first.start() if first else len(line)
            if cells and is_prose(line[:begin], header):
                break  # the heading or prose after the table: any number in it is no cell
            prose_at = cells_end(line, begin, header)
            numbers = line[begin:prose_at]
            # Before the table, a number followed by words is a sentence ("发生行政复议2件").
            if cells or prose_at == len(line) or len(re.findall(r"\d", numbers)) >= 5:
                tokens = loose_tokens(numbers)
                kinds.add(LINES if len(tokens) <= 1 else SPACES)
                cells.extend(tokens)
                slots.extend(tokens)
            if cells and prose_at < len(line):
                break
        if sum(1 for c in cells if c.strip()) >= len(SECTION4_CELLS):
            break
    kind = SPACES if SPACES in kinds else BORDERS if BORDERS in kinds or not cells else LINES
    if kind == LINES and len(cells) < len(SECTION4_CELLS) <= len(slots):
        width = len(SECTION4_CELLS)
        # Blank lines after the table (before the next heading) are no cells.
        whole = slots[:width] if not any(c.strip() for c in slots[width:]) else []
        groups = tuple(len(SECTION4_COLUMNS) for _ in SECTION4_GROUPS)
        if whole and totals_hold([count_value(c) for c in whole], groups):
            return whole, BLANK_LINES
    return (cells or empty_row), kind


def cells_end(line: str, begin: int, header: frozenset[str]) -> int:
    """Where the cells of a line that start at `begin` end: at the first Chinese word that is neither
    the table's header nor a unit or cell mark."""
    pos = begin
    while (m := CJK.search(line, pos)) is not None:
        word = None if m.group() in header else CELL_WORDS.match(line, m.start())
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
    return any(ch not in header for ch in CJK.findall(text))


def read_section4(src: Source, lo: int) -> Reading | None:
    cells, kind = section4_cells(src, lo)
    if not any(c.strip() for c in cells):
        return None
    groups = tuple(len(SECTION4_COLUMNS) for _ in SECTION4_GROUPS)
    if kind == SPACES:
        return read_tokens(cells, sum(groups), reliable=False, groups=groups)
    reading = read_cells(cells, groups)
    # One number per line: PDF-to-text tools write a table's cells in an order of their own, so
    # only cells whose groups add up are taken to stand in the printed order.
    if kind in (BORDERS, BLANK_LINES) or None in reading.values or totals_hold(reading.values, groups):
        return reading
    return unknown_row(len(reading.values), " ".join(c.strip() for c in cells if c.strip()))


def section4_facts(reading: Reading, where: str) -> list[Fact]:
    facts = []
    for index, (group, column) in enumerate(SECTION4_CELLS):
        value = reading.values[index]
        if value is None:
            continue
        shown = reading.texts[index] or f"{value} (from '{reading.run}')"
        facts.append(
            Fact(
                section4_metric(group, column),
                value,
                evidence=f"{where}, section 四, {SECTION4_ZH[(group, column)]}: {shown}",
                note=split_note(reading),
            )
        )
    return facts


def section4_flags(reading: Reading, where: str) -> list[Flag]:
    if None in reading.values:
        return [
            Flag(
                "ambiguous_row",
                f"{where}, section 四: '{reading.run}' cannot be split into its "
                "fifteen cells with certainty; only the certain cells are kept",
            )
        ]
    if reading.candidates:
        return [
            Flag(
                "ambiguous_row",
                f"{where}, section 四: '{reading.run}' read as "
                f"{'|'.join(str(v) for v in reading.values)}, the only split whose 总计 cells equal "
                "the sums of their groups",
                severity="info",
            )
        ]
    return []
