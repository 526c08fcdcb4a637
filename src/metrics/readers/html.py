"""HTML pages: visible text in reading order, and every table expanded into a grid."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from metrics.models import Document, Table
from metrics.readers.encoding import decode
from metrics.readers.errors import ReadError
from metrics.readers.page_meta import read_page_meta

_DROP = ("script", "style", "noscript", "template", "head", "iframe", "svg")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Common <meta> names on Chinese government sites (the CMS "ArticleTitle" family).
_META_NAMES = {"articletitle": "标题", "pubdate": "发布日期", "contentsource": "发文机关", "firstdate": "发布日期"}


def read_html(path: str, data: bytes) -> Document:
    declared = _CHARSET.search(data[:4096])
    text, encoding = decode(data, declared.group(1).decode("ascii", "ignore") if declared else None)
    soup = BeautifulSoup(text, "lxml")
    if soup.body is None and soup.find("table") is None and not soup.get_text(strip=True):
        raise ReadError("the page has no readable content")
    meta = {}
    for tag in soup.find_all("meta"):
        key = _META_NAMES.get(str(tag.get("name", "")).lower())
        if key and tag.get("content") and key not in meta:
            meta[key] = str(tag["content"]).strip()
    # The <title> lives in <head>, which is dropped with the other invisible parts below.
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    tables = [Table(rows=grid, where=f"table {n}") for n, grid in enumerate(_grids(soup), start=1) if grid]
    body_text = _visible_text(soup)
    page_meta = read_page_meta(body_text)
    for key, value in meta.items():
        page_meta.setdefault(key, value)
    if page_title:
        page_meta.setdefault("页面标题", page_title)
    return Document(path=path, text=body_text, tables=tables, page_meta=page_meta, encoding=encoding)


def _cell_text(cell: Tag) -> str:
    return re.sub(r"\s+", " ", cell.get_text(" ", strip=True)).strip()


def _own_rows(table: Tag) -> list[Tag]:
    """The rows of this table, not those of tables nested inside it."""
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _grids(soup: BeautifulSoup) -> list[list[list[str]]]:
    return [expand_table(table) for table in soup.find_all("table")]


def expand_table(table: Tag) -> list[list[str]]:
    """Lay the table out on a grid, repeating a merged cell's text in every slot it covers."""
    grid: dict[tuple[int, int], str] = {}
    n_rows = 0
    for r, tr in enumerate(_own_rows(table)):
        c = 0
        for cell in tr.find_all(("td", "th"), recursive=False):
            while (r, c) in grid:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            text = _cell_text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text)
            c += colspan
        n_rows = r + 1
    if not grid:
        return []
    n_rows = max(n_rows, max(r for r, _ in grid) + 1)
    n_cols = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(n_cols)] for r in range(n_rows)]


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), 200))
    except (TypeError, ValueError):
        return 1


def _visible_text(soup: BeautifulSoup) -> str:
    """Text with a line break after every block element and table cells separated by ' | '."""
    for cell in soup.find_all(("td", "th")):
        cell.append(" | ")
    for tag in soup.find_all(_BLOCKS):
        tag.append("\n")
    text = soup.get_text("")
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip(" |") for line in text.splitlines())
    return "\n".join(line for line in lines if line.strip())
