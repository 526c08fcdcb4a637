"""One report file in, one Extraction out: read, describe, detect the layout, extract, derive, validate.

Pure: no database. Runs in worker processes during ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from metrics import formats
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
    fmt = detect_format(doc)
    meta = read_metadata(doc)
    ex = Extraction(path=doc.path, format=fmt, meta=meta, flags=list(meta.flags))
    extractor = EXTRACTORS.get(fmt)
    if extractor is None:
        return ex
    facts, flags = extractor(doc, meta)
    facts, prose_flags = _with_prose_figures(doc, meta, fmt, facts)
    facts += derived_facts(facts)
    ex.facts = facts
    ex.flags += flags + prose_flags + check_identities(facts, fmt)
    if fmt in (formats.STD2019, formats.STD2021):
        prose, _ = extract_legacy_prose(_overview(doc), meta)
        ex.flags += check_text_against_table(facts, [f for f in prose if f.metric_id in _PROSE_CHECKED])
    return ex


# Section 二's heading; the prose a standard report states its counts in comes before it (一、总体情况).
_SECTION2_HEADING = re.compile(r"二\s*[、.．]\s*主动公开政府信息情况|二\s*[、.．]\s*主動公開政府信息情況")


def _overview(doc: Document) -> Document:
    m = _SECTION2_HEADING.search(doc.text)
    return doc if m is None else replace(doc, text=doc.text[:m.start()], tables=[])


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
