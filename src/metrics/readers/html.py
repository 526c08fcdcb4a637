"""HTML pages: visible text in reading order, and every table expanded into a grid.

Parsed with lxml directly: it is forgiving of broken markup like any browser and several times
faster than a pure-Python tree, which matters at hundreds of pages per second. The plain etree
parser, not lxml.html's: the same tree, without a Python call choosing the class of every element
the code touches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from metrics.models import Document, Table
from metrics.readers import budgets
from metrics.readers.encoding import decode
from metrics.readers.errors import ReadError
from metrics.readers.page_meta import read_page_meta
from metrics.readers.pictures import add_pictures

_DROP = ("script", "style", "noscript", "template", "head", "iframe", "svg")
_BLOCKS = frozenset(
    (
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "pre",
        "blockquote",
        "header",
        "footer",
    )
)
_CELLS = frozenset(("td", "th"))
# What a browser sets apart within a table's cell: blocks, and the cells of a table nested in it; and
# what it sets off from its neighbours, which kept apart cannot make one number of two (a footnote's
# mark, 48<sup>1</sup>; a revision, <del>45</del><ins>48</ins>).
_SET_OFF = frozenset(("sup", "sub", "del", "ins", "s", "strike"))
_APART = _BLOCKS | _CELLS | _SET_OFF
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Common <meta> names on Chinese government sites (the CMS "ArticleTitle" family).
_META_NAMES = {
    "articletitle": "标题",
    "pubdate": "发布日期",
    "contentsource": "发文机关",
    "firstdate": "发布日期",
}
_SPACES = re.compile(r"\s+")
# Runs of spaces within a line, which the page's text collapses to one space (once tabs, no-break
# and ideographic spaces are spaces: str.replace finds those faster than a character class).
_SPACE_RUN = re.compile(" {2,}")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(
    path: str,
    data: bytes,
    charset: str | None = None,
    pictures: Callable[[etree._Element], Iterator[bytes]] | None = None,
) -> Document:
    """Read a web page; `charset` is what a container said of it (an MHTML part's type), taken where
    the page itself declares none; `pictures` yields, from the page's tree, the bytes of the pictures
    it shows where a container holds them (an MHTML's parts), instead of files beside the page."""
    declared = _CHARSET.search(data[:4096])
    text, encoding = decode(data, declared.group(1).decode("ascii", "ignore") if declared else charset)
    # lxml refuses a str that still carries an XML encoding declaration; the text is decoded already.
    text = _XML_DECLARATION.sub("", text, count=1)
    root = parse_markup(text)
    meta = {}
    for tag in root.iter("meta"):
        key = _META_NAMES.get(str(tag.get("name", "")).lower())
        if key and tag.get("content") and key not in meta:
            meta[key] = tag.get("content").strip()
    # The <title> lives in <head>, which is dropped with the other invisible parts below.
    title = root.find(".//title")
    page_title = _SPACES.sub(" ", _text_content(title)).strip() if title is not None else ""
    for tag in list(root.iter(*_DROP)):
        if tag.getparent() is not None:
            _drop_tree(tag)
    tables = tables_of(root)
    body_text = budgets.check_text(visible_text(root))
    doc = Document(path=path, text=body_text, tables=tables, encoding=encoding)
    doc = add_pictures(doc, lambda: pictures(root) if pictures else _local_pictures(path, root))
    if not doc.text.strip() and not doc.tables:
        raise ReadError("the page has no readable content")
    doc.page_meta = read_page_meta(doc.text)
    for key, value in meta.items():
        doc.page_meta.setdefault(key, value)
    if page_title:
        doc.page_meta.setdefault("页面标题", page_title)
    return doc


def _local_pictures(path: str, root) -> Iterator[bytes]:
    """The pictures the page shows from files beside it (<img src="report_files/table1.png">), in page
    order, each once. Nothing is fetched from the network, and no file outside the page's folder is
    read: a page someone uploads must not make the server read its other files."""
    folder = Path(path).resolve().parent
    seen = set()
    for img in root.iter("img"):
        file = _file_beside(folder, (img.get("src") or "").strip())
        if file is None or file in seen:
            continue
        seen.add(file)
        try:
            yield file.read_bytes()
        except OSError:  # unreadable (permissions): the page is read without it
            continue


def _file_beside(folder: Path, src: str) -> Path | None:
    """The regular file within `folder` that `src` names, or None: an address (http:, data:, //host),
    a path leading out of the folder, a missing file, or a name no file can have (a NUL, too long)."""
    address = urlsplit(src)
    if not src or address.scheme or address.netloc:
        return None
    try:
        file = (folder / unquote(address.path)).resolve()
        if file.is_relative_to(folder) and file.is_file() and file.stat().st_size <= budgets.FILE_BYTES:
            return file
    except (OSError, ValueError):
        pass
    return None


def parse_markup(text: str):
    # XML_PARSE_HUGE lets libxml2 nest 2048 elements instead of 256: pages of unclosed <font> tags
    # nest that deep, and beyond its limit libxml2 drops the content, so such a page is refused.
    # The text goes to libxml2 as UTF-8: handed a str, lxml passes its four-byte characters, which
    # libxml2 converts first, and that costs more than Python's encoding (the same tree either way).
    # Comments are left out of the tree: nothing reads them.
    parser = etree.HTMLParser(huge_tree=True, encoding="utf-8", remove_comments=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except ValueError as e:
        raise ReadError(f"the page has no readable content ({e})") from e
    if root is None:
        raise ReadError("the page has no readable content (Document is empty)")
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise ReadError(
            f"the page nests its elements more than {budgets.HTML_DEPTH} levels deep, "
            "beyond what the HTML parser reads"
        )
    return root


def _text_content(element) -> str:
    """The text of the element and everything in it, without comments (lxml.html's text_content)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _drop_tree(element) -> None:
    """Remove the element with everything in it, keeping the text after it (lxml.html's drop_tree)."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def tables_of(root, cells_before: int = 0, first: int = 1) -> list[Table]:
    """Every table under `root` laid out on its grid, numbered from `first`; `cells_before` grid
    slots of the file's other tables already count against its budget."""
    tables: list[Table] = []
    cells = cells_before  # grid slots of all tables so far, held to the budget
    for n, element in enumerate(root.iter("table"), start=first):
        grid = expand_table(element, cells, where=f"table {n}")
        cells += sum(map(len, grid))
        if grid:
            tables.append(Table(rows=grid, where=f"table {n}"))
    return tables


def _cell_text(cell) -> str:
    # Most cells hold no element, or one element holding only text (Word's <td><p>48</p></td>): their
    # text is read without an iterator, several times faster. Whitespace runs become one space, none
    # at the ends: split and join, faster than a regex.
    if len(cell) == 0:
        text = cell.text
    elif len(cell) == 1 and len(cell[0]) == 0:
        only = cell[0]
        apart = " " if only.tag in _APART else ""
        text = f"{cell.text or ''}{apart}{only.text or ''}{apart}{only.tail or ''}"
    else:
        text = "".join(_rendered_parts(cell))
    return " ".join(text.split()) if text else ""


def _rendered_parts(cell) -> Iterator[str]:
    """The cell's text as a browser shows it: inline elements run together (Word's HTML splits a
    number into runs, '<span>4</span><span>8</span>' showing 48), blocks and nested cells apart."""
    for event, element in etree.iterwalk(cell, events=("start", "end")):
        apart = element is not cell and element.tag in _APART
        if event == "start":
            yield " " if apart else ""
            yield element.text or ""
        elif element is not cell:
            yield " " if apart else ""
            yield element.tail or ""


def _own_rows(table) -> list:
    """The rows of this table, not those of tables nested inside it."""
    if table.find(".//table") is None:  # most tables: every row is its own
        return list(table.iter("tr"))
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def expand_table(table, cells_before: int, where: str) -> list[list[str]]:
    """Lay the table out on a grid, repeating a merged cell's text in every slot it covers.

    The slots are counted against the budget of the file (which already holds `cells_before`)
    before they are made: a 10 KB table of rowspan=200 colspan=200 cells would fill gigabytes."""
    grid: dict[tuple[int, int], str] = {}
    n_rows = 0
    slots = cells_before
    for r, tr in enumerate(_own_rows(table)):
        c = 0
        for cell in tr:
            if cell.tag not in _CELLS:
                continue
            while (r, c) in grid:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            slots += rowspan * colspan
            budgets.check_cells(slots, where)
            text = _cell_text(cell)
            if rowspan == colspan == 1:  # most cells; the slot is free (found above)
                grid[r, c] = text
            else:
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid.setdefault((r + dr, c + dc), text)
            c += colspan
        n_rows = r + 1
    if not grid:
        return []
    n_rows = max(n_rows, max(r for r, _ in grid) + 1)
    n_cols = max(c for _, c in grid) + 1
    # Cells set far apart leave a large grid of empty slots between them.
    budgets.check_cells(cells_before + n_rows * n_cols, where)
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def _span(value) -> int:
    if value is None:  # most cells
        return 1
    try:
        return max(1, min(int(str(value).strip()), 200))
    except (TypeError, ValueError):
        return 1


def visible_text(root) -> str:
    """Text with a line break after every block element and table cells separated by ' | '."""
    text = str(_TEXT_WITH_SEPARATORS(root))
    text = _SPACE_RUN.sub(" ", text.replace("\t", " ").replace("\u00a0", " ").replace("\u3000", " "))
    lines = (line.strip(" |") for line in text.splitlines())
    return "\n".join(line for line in lines if line.strip())


# The page's text (without comments and processing instructions), a line break after each block
# element, ' | ' after each cell and a space either side of what a cell's grid sets off (_SET_OFF),
# written out by libxslt in one call: a walk in Python setting every element's separator cost five
# times as much.
_TEXT_WITH_SEPARATORS = etree.XSLT(
    etree.XML(
        f"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:template match="{"|".join(sorted(_BLOCKS))}"><xsl:apply-templates/><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="{"|".join(sorted(_CELLS))}"><xsl:apply-templates/><xsl:text> | </xsl:text></xsl:template>
<xsl:template match="{"|".join(sorted(_SET_OFF))}"><xsl:text> </xsl:text><xsl:apply-templates/><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>"""
    ),
    access_control=etree.XSLTAccessControl.DENY_ALL,
)
