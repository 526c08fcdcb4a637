"""Readers turn a report file into a Document: its text, its tables as grids, and page metadata."""

from __future__ import annotations

import re
import stat
from itertools import chain
from pathlib import Path

from metrics.models import Document
from metrics.normalize import RADICALS, translate_radicals
from metrics.readers import budgets, mhtml, ofd, spreadsheet, word_binary
from metrics.readers.errors import ReadError, UnsupportedFile

MAX_BYTES = budgets.FILE_BYTES

# Pictures of report pages, read by OCR.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# Web pages as crawlers save them: static pages and server-side includes (.shtml, common on
# government sites) ...
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".shtm", ".xhtml")
# ... and pages saved under the address of the script that served them (`index.jsp`, `show.aspx`),
# read as web pages when they hold one.
SCRIPT_PAGE_SUFFIXES = (".jsp", ".asp", ".aspx", ".php", ".do", ".action", ".jhtml")
# Old Word files and RTF, converted by LibreOffice.
WORD_BINARY_SUFFIXES = word_binary.SUFFIXES
SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    *HTML_SUFFIXES,
    *SCRIPT_PAGE_SUFFIXES,
    *mhtml.SUFFIXES,
    ".pdf",
    *ofd.SUFFIXES,
    ".docx",
    *WORD_BINARY_SUFFIXES,
    *spreadsheet.SUFFIXES,
    *IMAGE_SUFFIXES,
)
# The start of a web page: any of these tags in its first bytes.
_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|div|table|p)[\s>/]", re.IGNORECASE)
_MARKUP_WINDOW = 4096
# A whole web page saved under a text file's name, as crawlers often save what they fetched: it
# opens with the page's own start (after a byte-order mark, blank space or a comment).
_PAGE_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]", re.IGNORECASE | re.DOTALL
)


def read_document(path: str | Path) -> Document:
    """Read one file. Raises UnsupportedFile for types we do not read and ReadError for bad files."""
    path = Path(path)
    _check_suffix(path)
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):
        # A named pipe or a device (/dev/zero) would block or never end.
        raise ReadError("it is not a regular file (a pipe, a device or a socket)")
    _check_size(status.st_size)
    return _document(path, path.read_bytes())


def read_bytes(path: str | Path, data: bytes) -> Document:
    """Read one file's content fetched elsewhere (a distributed engine reads files where they lie);
    `path` names it as read_document's argument would, for its type and the hints in its name."""
    path = Path(path)
    _check_suffix(path)
    _check_size(len(data))
    return _document(path, data)


def _check_suffix(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(
            f"file type '{suffix or '(none)'}' is not a report format we read "
            f"({', '.join(SUPPORTED_SUFFIXES)})"
        )


def _check_size(size: int) -> None:
    if size == 0:
        raise ReadError("the file is empty")
    if size > MAX_BYTES:
        raise ReadError(
            f"the file is {size / 1e6:.0f} MB, larger than the {MAX_BYTES // 2**20} MB "
            "a report can plausibly be"
        )


def _document(path: Path, data: bytes) -> Document:
    doc = _read(path, path.suffix.lower(), data)
    budgets.check_text(doc.text)
    return _as_characters(doc)


def _read(path: Path, suffix: str, data: bytes) -> Document:
    if mhtml.is_mhtml(data):  # a page saved as one file, under its own name or a .doc's, .txt's…
        return mhtml.read_mhtml(str(path), data)
    if suffix in (".txt", ".md") and not _PAGE_START.match(data[:_MARKUP_WINDOW]):
        from metrics.readers.text import read_text

        return read_text(str(path), data)
    if suffix in SCRIPT_PAGE_SUFFIXES and not _MARKUP.search(data[:_MARKUP_WINDOW]):
        raise UnsupportedFile(
            f"a file named '{suffix}' is read as a saved web page, and this one holds no HTML"
        )
    if suffix in HTML_SUFFIXES + SCRIPT_PAGE_SUFFIXES + mhtml.SUFFIXES + (".txt", ".md"):
        from metrics.readers.html import read_html

        return read_html(str(path), data)
    if suffix == ".pdf":
        from metrics.readers.pdf import read_pdf

        return read_pdf(str(path), data)
    if suffix in ofd.SUFFIXES:
        return ofd.read_ofd(str(path), data)
    if suffix in IMAGE_SUFFIXES:
        from metrics.readers.ocr import read_picture

        return read_picture(str(path), data)
    if suffix in WORD_BINARY_SUFFIXES:
        return word_binary.read_word_binary(str(path), data, suffix)
    if suffix in spreadsheet.SUFFIXES:
        return spreadsheet.read_spreadsheet(str(path), data)
    if data.startswith(word_binary.OLE_MAGIC):
        # An old Word file renamed .docx is as common as the real thing.
        return word_binary.read_word_binary(str(path), data, ".doc")
    from metrics.readers.docx import read_docx

    return read_docx(str(path), data)


# Any radical code point: most tables hold none, and one search over a table's joined cells costs less
# than a translation per cell.
_RADICAL = re.compile("[" + "".join(re.escape(chr(code)) for code in RADICALS) + "]")


def _as_characters(doc: Document) -> Document:
    """Radical code points become the ideographs they show (⼀ -> 一), in the text, the page's fields
    and every cell, so that every later step, and the evidence shown to users, sees the characters a
    reader sees."""
    doc.text = translate_radicals(doc.text)
    doc.page_meta = {key: translate_radicals(value) for key, value in doc.page_meta.items()}
    for table in doc.tables:
        if _RADICAL.search("".join(chain.from_iterable(table.rows))):
            table.rows = [[translate_radicals(cell) for cell in row] for row in table.rows]
    for read in doc.ocr:  # the OCR'd pages' text is matched against the evidence drawn from doc.text
        read.text = translate_radicals(read.text)
    return doc


__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "ReadError", "UnsupportedFile", "read_bytes", "read_document"]
