"""Pictures in HTML and Word reports: some publish their statistics as a picture of the table beside
text that holds none. When a report's own text has no table of figures, its pictures are read by OCR
and their text and tables are added after its own, each under a note naming the picture."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from metrics.models import Document
from metrics.readers import budgets, ocr

# A table cell holding a figure and nothing else (12, 1,236, 0.5).
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def has_statistics(doc: Document) -> bool:
    """Whether any of the document's tables holds a figure: then its statistics are in its text."""
    return any(_FIGURE.fullmatch(cell.strip()) for table in doc.tables for row in table.rows for cell in row)


def add_pictures(doc: Document, pictures: Callable[[], Iterator[bytes]]) -> Document:
    """The document with its pictures read, when its text holds no statistics and the OCR engine is
    installed (without it the text is read alone, as a PDF with some text is). `pictures` yields the
    pictures' bytes in document order; it is called only when they are to be read, and only the first
    budgets.PICTURES are taken from it."""
    if has_statistics(doc) or not ocr.engine_installed():
        return doc
    found = list(itertools.islice(pictures(), budgets.PICTURES))
    for number, page in ocr.read_embedded_pictures(found).items():
        doc.ocr.append(page.read(number))
        if page.text:  # a picture with nothing legible (a photo, a seal) adds nothing
            doc.text = f"{doc.text}\n{page.text}" if doc.text else page.text
            doc.tables.extend(page.tables)
    budgets.check_text(doc.text)
    return doc
