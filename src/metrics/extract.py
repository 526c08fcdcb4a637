"""One report file in, one Extraction out: read, describe, detect the layout, extract, derive, validate.

Pure: no database. Runs in worker processes during ingest.
"""

from __future__ import annotations

from collections.abc import Callable

from metrics import formats
from metrics.derive import derived_facts
from metrics.extract_legacy_prose import extract_legacy_prose
from metrics.extract_legacy_table import extract_legacy_table
from metrics.extract_standard import extract_standard
from metrics.metadata import read_metadata
from metrics.models import Document, Extraction, Fact, Flag
from metrics.readers import read_document
from metrics.validation import check_identities, check_text_against_table

Extractor = Callable[[Document], tuple[list[Fact], list[Flag]]]

EXTRACTORS: dict[str, Extractor] = {
    formats.STD2021: lambda doc: extract_standard(doc, formats.STD2021),
    formats.STD2019: lambda doc: extract_standard(doc, formats.STD2019),
    formats.LEGACY_TABLE: extract_legacy_table,
    formats.LEGACY_PROSE: extract_legacy_prose,
}
# Counts the prose of a standard report states that its table also holds; a difference is a finding.
_PROSE_CHECKED = ("requests_new",)


def extract_document(doc: Document) -> Extraction:
    fmt = formats.detect_format(doc)
    ex = Extraction(path=doc.path, format=fmt, meta=read_metadata(doc))
    extractor = EXTRACTORS.get(fmt)
    if extractor is None:
        return ex
    facts, flags = extractor(doc)
    facts = _with_prose_figures(doc, fmt, facts)
    facts += derived_facts(facts)
    ex.facts = facts
    ex.flags = flags + check_identities(facts, fmt)
    if fmt in (formats.STD2019, formats.STD2021):
        prose, _ = extract_legacy_prose(doc)
        ex.flags += check_text_against_table(facts, [f for f in prose if f.metric_id in _PROSE_CHECKED])
    return ex


def _with_prose_figures(doc: Document, fmt: str, facts: list[Fact]) -> list[Fact]:
    """A legacy table report may state in prose what its table lacks; the table wins where both exist."""
    if fmt != formats.LEGACY_TABLE:
        return facts
    have = {f.metric_id for f in facts}
    prose, _ = extract_legacy_prose(doc)
    return facts + [f for f in prose if f.metric_id not in have]


def extract_file(path: str) -> Extraction:
    return extract_document(read_document(path))
