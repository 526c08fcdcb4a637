"""Which figures were read by OCR: a figure read from a scanned page is marked, with the page it lies on
and the engine's confidence, so a person knows which figures to check against the scan.

A figure lies on an OCR'd page (or picture) when its evidence names an OCR'd table (`page 3 (OCR),
table 1`, `picture 2 (OCR), table 1`) or quotes text of that page. In a document whose every line came from OCR, every figure read was OCR'd,
even where its evidence does not place it. Derived figures were read from nothing and stay unmarked.
"""

from __future__ import annotations

import re

from metrics.models import Document, Fact, OcrRead

_OCR_TABLE = re.compile(r"\b(?:page|picture) (\d+) \(OCR\)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SPACE = re.compile(r"\s+")
# Pieces of evidence that quote the text: what follows a label (`row 规章, column 合计: 3`) and what
# stands in quotes (`(from '3 2 17')`).
_AFTER_LABEL = re.compile(r":\s*(.+)")
_QUOTED = re.compile(r"'([^']+)'")


def mark_ocr_figures(facts: list[Fact], doc: Document) -> None:
    """Set ocr, ocr_page and ocr_confidence on the facts read from the document's OCR'd pages."""
    if not doc.ocr:
        return
    ocr_only = _ocr_only(doc)
    for fact in facts:
        if fact.derived:
            continue
        read = _page_of(fact, doc.ocr)
        if read is None and ocr_only:
            read = _page_printing(fact, doc.ocr)
        if read is None and not ocr_only:
            continue
        fact.ocr = True
        if read is not None:
            fact.ocr_page = read.page
            fact.ocr_confidence = _confidence(fact, read)


def _ocr_only(doc: Document) -> bool:
    """Whether every line of the document's text came from its OCR'd pages (a scan, a picture)."""
    ocr_lines = {line for read in doc.ocr for line in read.text.splitlines()}
    return all(line in ocr_lines for line in doc.text.splitlines() if line.strip())


def _page_of(fact: Fact, reads: list[OcrRead]) -> OcrRead | None:
    by_page = {read.page: read for read in reads}
    named = _OCR_TABLE.search(fact.evidence)
    if named:
        return by_page.get(int(named.group(1)))
    pieces = [_flat(piece) for piece in _quotes(fact.evidence)]
    pieces = [piece for piece in pieces if len(piece) >= 3 and _NUMBER.search(piece)]
    return next((read for read in reads if any(piece in _flat(read.text) for piece in pieces)), None)


def _quotes(evidence: str) -> list[str]:
    pieces = [evidence, *_QUOTED.findall(evidence)]
    after = _AFTER_LABEL.search(evidence)
    if after:
        pieces.append(after.group(1))
    return pieces


def _flat(text: str) -> str:
    return _SPACE.sub("", text)


def _page_printing(fact: Fact, reads: list[OcrRead]) -> OcrRead | None:
    """The only OCR'd page, or the first whose readings print the figure."""
    if len(reads) == 1:
        return reads[0]
    return next((read for read in reads if _confidence(fact, read) is not None), None)


def _confidence(fact: Fact, read: OcrRead) -> float | None:
    """The engine's lowest confidence among the texts of the page that print the figure: a figure
    printed in several places is only as sure as its least sure reading. None where no reading
    prints it (a blank cell read as zero, a figure written in words)."""
    if fact.value is None:
        return None
    sure = [
        confidence
        for text, confidence in read.readings
        if any(float(number.replace(",", "")) == fact.value for number in _NUMBER.findall(text))
    ]
    return min(sure) if sure else None
