"""Plain-text files: the decoded text as it is, tables a text browser drew or a crawler flattened
into it or a converter left as HTML, and any page metadata block at its head."""

from __future__ import annotations

from metrics.models import Document
from metrics.readers.budgets import check_text
from metrics.readers.drawn_tables import drawn_tables
from metrics.readers.embedded_html import embedded_tables
from metrics.readers.encoding import decode
from metrics.readers.errors import ReadError
from metrics.readers.markup import strip_markup
from metrics.readers.page_furniture import drop_page_furniture
from metrics.readers.page_meta import read_page_meta
from metrics.readers.text_tables import rows_rejoined, tables_in_text


def read_text(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    # Checked before the table and furniture passes, whose cost grows with the text.
    text = drop_page_furniture(check_text(text).replace("\r\n", "\n").replace("\r", "\n"))
    tables = drawn_tables(text)
    rest = text
    if embedded := embedded_tables(text):
        text, rest = embedded.text, embedded.rest
        tables += embedded.tables
    text = rows_rejoined(strip_markup(text))
    if not text.strip():
        raise ReadError("the file contains only blank space, no text")
    # The tables drawn in the text, where the web-page tables laid out above are not.
    tables += tables_in_text(text if rest is text else rows_rejoined(strip_markup(rest)))
    return Document(path=path, text=text, tables=tables, page_meta=read_page_meta(text), encoding=encoding)
