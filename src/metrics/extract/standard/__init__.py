from __future__ import annotations

from metrics.extract.standard.section2 import section2_facts
from metrics.extract.standard.section3 import section3_facts, section3_readings, split_flags
from metrics.extract.standard.section4 import read_section4, section4_facts, section4_flags
from metrics.extract.standard.settle import settle_with_identities
from metrics.extract.standard.source import MAX_CELL_CHARS, Source, first_of, grid_text, make_source
from metrics.models import Document, Fact, Flag, Table
from metrics.templates.standard import SECTION4_START


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
