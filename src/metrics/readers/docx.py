"""Word (.docx) files: paragraphs and tables in document order, merged cells expanded into grids.

The grid is built from the XML rather than python-docx's cell list, which misaligns rows that
start late (w:gridBefore) and cannot see tables nested inside cells.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from metrics.models import Document, Table
from metrics.readers import budgets
from metrics.readers.errors import ReadError
from metrics.readers.page_meta import read_page_meta
from metrics.readers.pictures import add_pictures
from metrics.readers.word_binary import OLE_MAGIC

_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_SDT_CONTENT, _CUSTOM_XML = qn("w:sdtContent"), qn("w:customXml")
_T, _TAB, _BR = qn("w:t"), qn("w:tab"), qn("w:br")
# A text box's own paragraphs. Word and LibreOffice write each text box twice: as a DrawingML shape
# (mc:Choice) and again as VML for older readers (mc:Fallback), which is not read.
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Tracked changes: text moved away (its copy stands where it went, in w:moveTo) or deleted, which
# Word writes as w:delText, but other writers as w:t.
_REMOVED = (qn("w:moveFrom"), qn("w:del"))
# What a paragraph's own text leaves out.
_NOT_OWN_TEXT = (_TEXT_BOX, _FALLBACK, *_REMOVED)
_VAL = qn("w:val")
# A picture in the body: DrawingML's <a:blip r:embed>, and the older VML <v:imagedata r:id>.
_BLIP, _EMBED = qn("a:blip"), qn("r:embed")
_IMAGEDATA, _RID = "{urn:schemas-microsoft-com:vml}imagedata", qn("r:id")


@dataclass
class _Reading:
    """What a walk over the body collects: text lines in order and every table (nested ones too)."""

    lines: list[str]
    tables: list[Table]
    cells: int = 0  # grid slots laid out so far, held to the budget


def read_docx(path: str, data: bytes) -> Document:
    """Read a .docx. Raises ReadError for files that are not a readable Word document."""
    document = _open(data)
    reading = _Reading(lines=[], tables=[])
    _walk(document.element.body, reading, parent="")
    doc = Document(
        path=path,
        text="\n".join(reading.lines),
        tables=reading.tables,
        properties_title=(document.core_properties.title or "").strip(),
    )
    doc = add_pictures(doc, lambda: _pictures(document))
    if not doc.text.strip():
        raise ReadError("the Word document contains no text")
    doc.page_meta = read_page_meta(doc.text)
    return doc


def _pictures(document) -> Iterator[bytes]:
    """The pictures of the body (word/media/*) in document order, each once."""
    parts = document.part.related_parts
    seen = set()
    for element in document.element.body.iter(_BLIP, _IMAGEDATA):
        rid = element.get(_EMBED) if element.tag == _BLIP else element.get(_RID)
        if rid in parts and rid not in seen:
            seen.add(rid)
            yield parts[rid].blob


def _open(data: bytes):
    if data.startswith(OLE_MAGIC):
        raise ReadError("this is an old binary Word (.doc) file renamed to .docx; save it as .docx or PDF")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK"):
            raise ReadError("the Word document is truncated or damaged (its zip archive is incomplete)")
        raise ReadError("the file is not a Word document (a .docx is a zip archive and this is not one)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            budgets.check_unpacked_size(archive, "the Word document")
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, KeyError) as exc:  # zlib: a damaged part
        raise ReadError(f"the Word document is damaged or incomplete: {exc}") from exc
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError(f"the Word document's XML is damaged: {exc}") from exc


def _walk(container, reading: _Reading, parent: str) -> None:
    """Visit paragraphs and tables in order, looking through content controls (w:sdt) and custom
    XML (w:customXml); a text box's paragraphs and tables follow the paragraph that anchors it."""
    for child in _unwrapped(container, (_P, _TBL)):
        if child.tag == _TBL:
            _read_table(child, reading, parent)
            continue
        line = _paragraph_text(child).strip()
        if line:
            reading.lines.append(line)
        for box in _text_boxes(child):
            _walk(box, reading, parent)


def _unwrapped(element, tags: tuple[str, ...]) -> Iterator:
    """The children of `element` with one of `tags`, also where a content control (w:sdt) or custom
    XML (w:customXml) wraps them, as templates wrap paragraphs, rows or cells to fill in."""
    if element.find(_SDT) is None and element.find(_CUSTOM_XML) is None:  # most elements
        return element.iterchildren(*tags)
    return _through_wrappers(element, tags)


def _through_wrappers(element, tags: tuple[str, ...]) -> Iterator:
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrapped(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, tags)


def _text_boxes(paragraph) -> Iterator:
    """The text boxes anchored in the paragraph, outermost first, each once (not the VML fallback
    copy): a text box is a block of its own, not words of the paragraph around it."""
    if next(paragraph.iter(_TEXT_BOX), None) is not None:  # most paragraphs have none
        yield from _outermost_boxes(paragraph)


def _outermost_boxes(element) -> Iterator:
    for child in element.iterchildren():
        if child.tag == _TEXT_BOX:
            yield child
        elif child.tag != _FALLBACK:
            yield from _outermost_boxes(child)


def _read_table(tbl, reading: _Reading, parent: str) -> None:
    number = len(reading.tables) + 1
    where = f"table {number}" + (f" (nested in {parent})" if parent else "")
    table = Table(rows=[], where=where)
    reading.tables.append(table)
    table.rows = _expand(tbl, reading, where)
    for tr in _unwrapped(tbl, (_TR,)):
        cells = [_cell_text(tc) for tc in _unwrapped(tr, (_TC,)) if _merge(tc) != "continue"]
        if any(cells):
            reading.lines.append(" | ".join(cells).rstrip())
        for tc in _unwrapped(tr, (_TC,)):
            for nested in _unwrapped(tc, (_TBL,)):
                _read_table(nested, reading, parent=f"table {number}")


def _expand(tbl, reading: _Reading, where: str) -> list[list[str]]:
    """The table on its grid: gridSpan repeats a cell across, vMerge continues the cell above.

    Every span is counted against the budget before its slots are made, since a span is just a
    number in the XML (gridSpan="1000000000" is a few bytes)."""
    grid: list[list[str]] = []
    for tr in _unwrapped(tbl, (_TR,)):
        before = _grid_before(tr)
        reading.cells += before
        budgets.check_cells(reading.cells, where)
        row = [""] * before
        for tc in _unwrapped(tr, (_TC,)):
            span = _span(tc)
            reading.cells += span
            budgets.check_cells(reading.cells, where)
            column = len(row)
            above = grid[-1][column] if grid and column < len(grid[-1]) else ""
            text = above if _merge(tc) == "continue" else _cell_text(tc)
            row.extend([text] * span)
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    # Padding short rows to the widest fills slots too.
    reading.cells += sum(width - len(row) for row in grid)
    budgets.check_cells(reading.cells, where)
    return [row + [""] * (width - len(row)) for row in grid]


def _property(element, prop_path: str) -> str | None:
    found = element.find(prop_path)
    if found is None:
        return None
    return found.get(_VAL)


def _grid_before(tr) -> int:
    value = _property(tr, f"{qn('w:trPr')}/{qn('w:gridBefore')}")
    return max(0, _int(value, 0))


def _span(tc) -> int:
    return max(1, _int(_property(tc, f"{qn('w:tcPr')}/{qn('w:gridSpan')}"), 1))


def _merge(tc) -> str:
    """'restart', 'continue' or '' (not merged); a bare <w:vMerge/> means continue."""
    found = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if found is None:
        return ""
    return found.get(_VAL) or "continue"


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _cell_text(tc) -> str:
    """The cell's own paragraphs and their text boxes (nested tables are read as tables of their own)."""
    parts = []
    for p in _unwrapped(tc, (_P,)):
        parts.append(_paragraph_text(p))
        parts += [_paragraph_text(q) for box in _text_boxes(p) for q in _unwrapped(box, (_P,))]
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _paragraph_text(p) -> str:
    """The paragraph's own text, in order: runs, tabs and breaks, inside hyperlinks, fields and
    insertions too, but not its text boxes (_text_boxes) nor their VML copies, nor text a tracked
    change moved away or deleted."""
    if next(p.iter(*_NOT_OWN_TEXT), None) is None:  # most paragraphs: all their runs are their own
        nodes = p.iter(_T, _TAB, _BR)
    else:
        nodes = _own_text_nodes(p)
    return "".join(
        node.text or "" if node.tag == _T else "\t" if node.tag == _TAB else "\n" for node in nodes
    )


def _own_text_nodes(element) -> Iterator:
    for node in element.iterchildren():
        if node.tag in (_T, _TAB, _BR):
            yield node
        elif node.tag not in _NOT_OWN_TEXT:
            yield from _own_text_nodes(node)
