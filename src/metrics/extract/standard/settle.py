from __future__ import annotations

import functools
import itertools
import math
import re
from dataclasses import dataclass

from metrics.extract.standard.cells import N_COLUMNS, ZERO_MARK, Reading, consensus
from metrics.extract.standard.section3 import Section3Layout, is_sum_row, section3_layout
from metrics.templates import identities_for

MAX_COMBINATIONS = 4096


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
            out.extend(
                Equation(
                    (((key, N_COLUMNS - 1), 1),) + tuple(((key, c), -1) for c in range(N_COLUMNS - 1)),
                    identity.description,
                )
                for key in order
            )
        elif identity.per_column:
            out.extend(
                Equation(
                    tuple(((k, col), 1) for k in identity.left)
                    + tuple(((k, col), -1) for k in identity.right),
                    identity.description,
                )
                for col in range(N_COLUMNS)
            )
    return tuple(out)


def settle_with_identities(readings: dict[str, Reading], fmt: str) -> None:
    """Settle with the table's identities what the printed digits leave open: rows whose run splits
    several ways keep the splits under which the identities can hold, and cells no digit gives (a row
    printed blank, a run that lost blank cells) take the one value the identities force."""
    layout = section3_layout(fmt)
    open_rows = [k for k, r in readings.items() if len(r.candidates) > 1]
    unsettled = [
        k for k, r in readings.items() if not r.candidates and None in r.values and k not in layout.parents
    ]
    sizes = [len(readings[k].candidates) for k in open_rows]
    if not (open_rows or unsettled) or math.prod(sizes) > MAX_COMBINATIONS:
        return
    known = known_cells(readings, layout)
    equations = section3_equations(fmt)
    outcomes = []
    for combo in itertools.product(*(readings[k].candidates for k in open_rows)):
        table = dict(known)
        table.update(
            ((k, col), v) for k, split in zip(open_rows, combo, strict=True) for col, v in enumerate(split)
        )
        forced = propagate(table, equations)
        if forced is not None and all(
            fits_run(completed(k, table, forced), readings[k].run) for k in unsettled
        ):
            outcomes.append((combo, forced))
    if not outcomes:
        return  # the figures break an identity: it decides nothing
    if len(outcomes) < math.prod(sizes):
        narrow(readings, open_rows, sizes, [combo for combo, _ in outcomes])
    for key in unsettled:
        fill(readings[key], key, [forced for _, forced in outcomes])


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
    return [
        table[(key, col)] if (key, col) in table else forced[(key, col)][0] if (key, col) in forced else None
        for col in range(N_COLUMNS)
    ]


def fits_run(values: list[int | None], run: str) -> bool:
    """Whether the printed run can be the row's cells written out, any 0 cell possibly printed blank
    and an unknown (None) cell as any number: a value the identities give never overrides a digit."""
    text = " ".join(
        t for t in ("0" if ZERO_MARK.match(t) else re.sub(r"\D", "", t) for t in run.split()) if t
    )
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


def narrow(
    readings: dict[str, Reading],
    open_rows: list[str],
    sizes: list[int],
    surviving: list[tuple[tuple[int, ...], ...]],
) -> None:
    for position, key in enumerate(open_rows):
        reading = readings[key]
        chosen = sorted({combo[position] for combo in surviving})
        if len(chosen) == len(reading.candidates):
            continue
        reading.values = consensus(chosen, N_COLUMNS)
        reading.candidates = chosen
        reading.why = (
            f"of its {sizes[position]} splits that add up to the row's 总计, the one under which "
            "the table's column identities hold"
        )


def fill(reading: Reading, key: str, outcomes: list[dict[Cell, tuple[int, str]]]) -> None:
    """Give the row each missing cell that every reading of the table forces to the same value."""
    for col in range(N_COLUMNS):
        found = [o.get((key, col)) for o in outcomes]
        if reading.values[col] is not None or None in found or len({v for v, _ in found}) > 1:
            continue
        reading.values[col], reading.settled[col] = found[0]
        reading.derived[col] = True


def identities_hold(readings: dict[str, Reading], fmt: str) -> bool:
    """Whether the cells read so far can satisfy every declared identity of section 三."""
    known = known_cells(readings, section3_layout(fmt))
    return propagate(known, section3_equations(fmt)) is not None


def rows_unchecked(readings: dict[str, Reading], keys: list[str], fmt: str) -> list[str]:
    """Those of these rows whose 总计 stands in no identity with other rows that holds with every cell
    read: rows matched to labels by order alone are trusted only so far as the table's arithmetic ties
    them to the rest (an identity with unread cells holds for any reading)."""
    layout = section3_layout(fmt)
    known = known_cells(readings, layout)
    # A parent printed empty is its sub-rows' sum: it carries them into the identities above it (the
    # 总计), though its own sum identity then checks nothing.
    summed = {}
    for parent, kids in layout.parents.items():
        for col in range(N_COLUMNS):
            if (parent, col) not in known and all((k, col) in known for k in kids):
                summed[(parent, col)] = sum(known[(k, col)] for k in kids)
    own_sums = {frozenset((p, *kids)) for p, kids in layout.parents.items() if (p, N_COLUMNS - 1) in summed}
    known |= summed
    total = N_COLUMNS - 1
    tested: set[str] = set()
    for eq in section3_equations(fmt):
        rows = {cell[0] for cell, _ in eq.terms}
        if len(rows) < 2 or rows in own_sums or any(cell not in known for cell, _ in eq.terms):
            continue
        if sum(known[cell] * sign for cell, sign in eq.terms) == 0:
            tested |= {key for (key, col), _ in eq.terms if col == total}
    # A sub-row is checked where its parent, summed from it, is.
    tested |= {k for p, kids in layout.parents.items() if p in tested and (p, total) in summed for k in kids}
    return [key for key in keys if key not in tested]


def known_cells(readings: dict[str, Reading], layout: Section3Layout) -> dict[Cell, int]:
    """The cells read so far; a parent row printed empty stands for its sub-rows' sum, not zeros."""
    return {
        (k, col): v
        for k, r in readings.items()
        if not is_sum_row(k, r, layout)
        for col, v in enumerate(r.values)
        if v is not None
    }
