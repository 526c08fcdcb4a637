"""One report file in, one Extraction out: read, describe, detect the layout, extract, derive, validate.

Pure: no database. Runs in worker processes during ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from metrics import formats
from metrics.catalog import metrics
from metrics.extract.derive import derived_facts
from metrics.extract.detect import detect_format
from metrics.extract.legacy_prose import extract_legacy_prose
from metrics.extract.legacy_table import extract_legacy_table
from metrics.extract.metadata import read_metadata
from metrics.extract.standard import extract_standard
from metrics.extract.validation import check_identities, check_text_against_table
from metrics.models import Document, Extraction, Fact, Flag, Metadata
from metrics.readers import read_document

Extractor = Callable[[Document, Metadata], tuple[list[Fact], list[Flag]]]

EXTRACTORS: dict[str, Extractor] = {
    formats.STD2021: lambda doc, meta: extract_standard(doc, formats.STD2021),
    formats.STD2019: lambda doc, meta: extract_standard(doc, formats.STD2019),
    formats.LEGACY_TABLE: extract_legacy_table,
    formats.LEGACY_PROSE: extract_legacy_prose,
}
# Counts the prose of a standard report states that its table also holds; a difference is a finding.
_PROSE_CHECKED = ("requests_new",)


def extract_document(doc: Document) -> Extraction:
    meta = read_metadata(doc)
    fmt = detect_format(doc, meta.year)
    ex = Extraction(path=doc.path, format=fmt, meta=meta, flags=list(meta.flags))
    extractor = EXTRACTORS.get(fmt)
    if extractor is None:
        return ex
    facts, flags = extractor(doc, meta)
    facts, prose_flags = _with_prose_figures(doc, meta, fmt, facts)
    flags += prose_flags
    if fmt in (formats.STD2019, formats.STD2021):
        prose = _overview_figures(doc, meta)
        flags += check_text_against_table(facts, [f for f in prose if f.metric_id in _PROSE_CHECKED])
        facts += _figures_of_unread_sections(prose, facts, fmt)
    facts += derived_facts(facts)
    ex.facts = facts
    ex.flags += flags + check_identities(facts, fmt)
    return ex


# Section 二's heading; the prose a standard report states its counts in comes before it (一、总体情况).
_SECTION2_HEADING = re.compile(r"二\s*[、.．]\s*主动公开政府信息情况|二\s*[、.．]\s*主動公開政府信息情況")


def _overview_figures(doc: Document, meta: Metadata) -> list[Fact]:
    """The counts the overview prose states (一、总体情况, before section 二's heading); none when the
    heading is not found, since prose rules would then run over the tables' text too."""
    m = _SECTION2_HEADING.search(doc.text)
    if m is None:
        return []
    prose, _ = extract_legacy_prose(replace(doc, text=doc.text[: m.start()], tables=[]), meta)
    return prose


# The standard tables by the metric sections they hold.
_TABLE_OF_SECTION = {"requests": "三", "outcomes": "三", "review": "四", "litigation": "四"}


def _figures_of_unread_sections(prose: list[Fact], facts: list[Fact], fmt: str) -> list[Fact]:
    """Prose figures count where no table gives them: for a table of which nothing was read (an
    excerpt that stops before it, a page that is lost), the overview's counts stand in, each with
    its sentence as evidence. A table read even in part keeps the prose out of its section."""
    read = {_table_of(f.metric_id) for f in facts}
    return [f for f in prose if _table_of(f.metric_id) not in read | {None} and _in_layout(f.metric_id, fmt)]


def _table_of(metric_id: str) -> str | None:
    metric = metrics().get(metric_id)
    return None if metric is None else _TABLE_OF_SECTION.get(metric.section)


def _in_layout(metric_id: str, fmt: str) -> bool:
    layouts = metrics()[metric_id].formats
    return layouts == "all" or fmt in layouts.split("|")


def _with_prose_figures(
    doc: Document, meta: Metadata, fmt: str, facts: list[Fact]
) -> tuple[list[Fact], list[Flag]]:
    """A legacy table report may state in prose what its table lacks; where both state a figure the
    table's is kept, and a prose figure that differs from it is flagged."""
    if fmt != formats.LEGACY_TABLE:
        return facts, []
    have = {f.metric_id for f in facts}
    prose, _ = extract_legacy_prose(doc, meta)
    disagreements = check_text_against_table(facts, [f for f in prose if f.metric_id in have])
    return facts + [f for f in prose if f.metric_id not in have], disagreements


def extract_file(path: str) -> Extraction:
    return extract_document(read_document(path))
