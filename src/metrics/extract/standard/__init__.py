from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import chain

from metrics.extract.standard.cells import Reading
from metrics.extract.standard.section2 import join_wrapped_headers, section2_facts
from metrics.extract.standard.section3 import (
    join_continued_rows,
    parent_sums,
    rejoin_wrapped_labels,
    section3_facts,
    section3_readings,
    split_flags,
    with_total_column,
)
from metrics.extract.standard.section4 import read_section4, section4_facts, section4_flags
from metrics.extract.standard.settle import identities_hold, rows_unchecked, settle_with_identities
from metrics.extract.standard.source import MAX_CELL_CHARS, Source, first_of, grid_text, make_source
from metrics.models import Document, Fact, Flag, Table
from metrics.templates.standard import (
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    SECTION4_START,
    SECTION4_TABLE,
    section2_cells,
    section3_rows,
    section4_metric,
)


def extract_standard(doc: Document, fmt: str) -> tuple[list[Fact], list[Flag]]:
    """Every figure of sections 二, 三 and 四 the document states with certainty."""
    sources = (
        (make_source(t.where, grid_text(with_total_column(join_continued_rows(t))), t.cut_at_end), True)
        for t in doc.tables
        if is_data_table(t)
    )
    facts: list[Fact] = []
    flags: list[Flag] = []
    unused: list[Flag] = []  # findings of sources that gave nothing new
    seen: set[tuple[str, str]] = set()
    for src, whole in chain(sources, _text_source(doc, fmt, seen)):
        got, raised = read_source(src, fmt, whole)
        new = [f for f in got if (f.metric_id, f.column) not in seen]
        facts.extend(new)
        (flags if new else unused).extend(raised)
        seen.update((f.metric_id, f.column) for f in new)
    # A parent whose sub-rows came from different sources (a PDF's table and its page text).
    facts.extend(parent_sums(facts, fmt, "all sources"))
    # Where nothing at all was read, the findings say why.
    return facts, flags if facts else unused


def _text_source(doc: Document, fmt: str, seen: set[tuple[str, str]]) -> Iterator[tuple[Source, bool]]:
    """The document's text as a source, read after its tables (the generator runs once they are),
    unless they gave every cell of the layout: a web page's text repeats its tables, and reading it
    again, the costliest source, could add nothing. Where they gave every cell but section 二's (a
    county's table without the 规章 rows), the text after section 三's heading could add nothing
    either, and is most of what reading the text would cost."""
    unread = every_cell(fmt) - seen
    if unread:
        text = _before_section3(doc.text) if unread <= section2_every_cell(fmt) else doc.text
        yield make_source("text", rejoin_wrapped_labels(join_wrapped_headers(text))), False


# Section 三's heading as printed (情况 perhaps lost: '三、收到和处理政府信息公开申请情').
SECTION3_HEADING = re.compile(r"三\s*[、.．]\s*收到和处理政府信息公开申请")


def _before_section3(text: str) -> str:
    """The text before section 三's heading: before its last appearance, should a list of contents
    print it first; the whole text where it is not printed as such."""
    starts = [m.start() for m in SECTION3_HEADING.finditer(text)]
    return text[: starts[-1]] if starts else text


@functools.cache
def section2_every_cell(fmt: str) -> frozenset[tuple[str, str]]:
    """(metric, column) of every figure of the layout's section 二 tables."""
    return frozenset((cell.metric_id, "total") for cell in section2_cells(fmt))


@functools.cache
def every_cell(fmt: str) -> frozenset[tuple[str, str]]:
    """(metric, column) of every figure the layout's tables hold."""
    columns = [column for column, _, _ in REQUESTER_COLUMNS]
    return frozenset(
        [(cell.metric_id, "total") for cell in section2_cells(fmt)]
        + [(row.metric_id, column) for row in section3_rows(fmt) for column in columns]
        + [
            (section4_metric(group, column), "total")
            for group, _ in SECTION4_GROUPS
            for column, _ in SECTION4_COLUMNS
        ]
    )


def is_data_table(table: Table) -> bool:
    """Page-layout tables wrap whole articles in one cell; the report's tables hold labels and numbers."""
    return all(len(cell) <= MAX_CELL_CHARS for row in table.rows for cell in row)


def drop_rows_read_apart(
    readings: dict[str, tuple[Reading, str]], plain: dict[str, Reading], fmt: str, where: str
) -> list[Flag]:
    """Rows whose numbers stood on lines of their own, below or apart from their labels, were matched
    to them by order; PDF-to-text tools reorder a table's cells, so such rows are kept only when the
    table's identities hold, and rows matched across a block of labels only where an identity with
    fully read rows checks them. A report whose own figures break an identity loses them too: a
    missing number is better than a wrong one."""
    apart = [k for k, r in plain.items() if r.apart]
    if not apart:
        return []
    why = "break the table's identities"
    if identities_hold(plain, fmt):
        apart = rows_unchecked(plain, [k for k, r in plain.items() if r.queued], fmt)
        why = "are checked by no identity with fully read rows"
        if not apart:
            return []
    for key in apart:
        del readings[key], plain[key]
    return [
        Flag(
            "ambiguous_row",
            f"{where}, section 三: the numbers of {len(apart)} rows stand on lines apart from their labels and, "
            f"matched to them in order, {why}; which numbers belong to which row is unknown, so those rows "
            "are left out",
        )
    ]


def read_source(src: Source, fmt: str, whole: bool) -> tuple[list[Fact], list[Flag]]:
    facts, flags = section2_facts(src, whole)
    readings, section3_end = section3_readings(src, fmt, whole)
    plain = {k: r for k, (r, _) in readings.items()}
    settle_with_identities(plain, fmt)
    flags.extend(drop_rows_read_apart(readings, plain, fmt, src.where))
    flags.extend(split_flags(readings, src.where))
    facts.extend(section3_facts(readings, fmt, src.where))
    if whole or section3_end >= 0:
        lo = first_of(src, SECTION4_START, max(section3_end, 0))
    else:
        # No section 三 here (a page holding section 四 alone): only the table's own header words,
        # never the prose's mentions of 复议, mark where it starts.
        lo = first_of(src, SECTION4_TABLE)
    reading = read_section4(src, lo) if lo >= 0 else None
    if reading:
        facts.extend(section4_facts(reading, src.where))
        flags.extend(section4_flags(reading, src.where))
    return facts, flags
