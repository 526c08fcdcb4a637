from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

import numpy as np

from metrics.models import Table
from metrics.normalize import compact, normalize

# The longest label cell of the standard tables has under 60 characters.
MAX_CELL_CHARS = 200


# What labels are matched on: no whitespace, and no quotes, which PDF text sets apart from the words
# they enclose (危及 三 " 安全一稳定 ").
UNMATCHED = re.compile(r"[\s\"]")
# Every whitespace character lies at or below U+3000 (tested), so a table of the code points up to it
# says which characters are dropped: numpy then squeezes a text without a Python step per character
# or per run of them.
LAST_UNMATCHED = 0x3000
_DROPPED = np.array([bool(UNMATCHED.fullmatch(chr(code))) for code in range(LAST_UNMATCHED + 2)])


# Page footers ("— 5 —", "第 5 页 共 7 页") that PDF-to-text leaves between table rows.
_FOOTER = re.compile(
    r"(?m)^[ \t|]*-[ \t]*\d{1,3}[ \t]*-[ \t|]*$|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?"
)
# A label cell of a grid holds no count: any numbering in it ("其他 3.", "(二)") is the row's number.
_NUMBERING_IN_CELL = re.compile(
    r"(?<![\d.])\d{1,2}[ \t]*[.．](?![\d.])|[(（][一二三四五六七八九十]{1,3}[)）]"
)
# A note in brackets, longer than a row's numbering (一) or (十二).
_BRACKETED_NOTE = re.compile(r"\([^()]{4,}\)")
# A note its cell's border cuts off before it closes, as a page break does inside a long label
# (其他主动公开文件(含…除规范性文件以外的主动 | 186): matched in the text that keeps every border.
_CUT_NOTE = re.compile(r"\([^()|\n]{4,}(?=[ \t]*\|)")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# A blank or the border comes first in the pattern, the character before it looked behind from there,
# so the regex engine scans for those rather than trying a look-behind at every character.
_CJK_BORDER = re.compile(
    r"[ \t|](?<=[\u4e00-\u9fff].)(?:(?<=\|)|(?<=[ \t])[ \t]*\|)(?=[ \t]*[\u4e00-\u9fff])"
)


@dataclass
class Source:
    """One text to read: `norm` is matched, `original` (same offsets when possible) feeds evidence."""

    where: str
    original: str
    norm: str
    squeezed: str  # norm without whitespace or quotes: labels broken over lines still match
    offsets: list[int]  # squeezed index -> norm index
    cut_at_end: bool = False  # a table the text ended within (Table.cut_at_end)

    def span(self, lo: int, hi: int) -> str:
        return self.original[lo:hi].strip()

    def norm_at(self, squeezed_index: int) -> int:
        if squeezed_index >= len(self.offsets):
            return len(self.norm)
        return self.offsets[squeezed_index]


def make_source(where: str, text: str, cut_at_end: bool = False) -> Source:
    norm = _FOOTER.sub(lambda m: " " * len(m.group()), normalize(text))
    original = text if len(text) == len(norm) else norm
    # Labels are matched across a cell border that splits a word (`|（七）总|计|`, a PDF-to-Markdown
    # tool's cells): a border between two Chinese characters is read as a space.
    matched = _CJK_BORDER.sub(lambda m: " " * len(m.group()), norm) if "|" in norm else norm
    codes = np.frombuffer(matched.encode("utf-32-le"), dtype=np.uint32)
    kept = ~_DROPPED[np.minimum(codes, LAST_UNMATCHED + 1)]
    squeezed = codes[kept].tobytes().decode("utf-32-le")
    return Source(where, original, norm, squeezed, np.flatnonzero(kept).tolist(), cut_at_end)


def grid_text(table: Table) -> str:
    return "\n".join("| " + " | ".join(grid_cell(cell) for cell in row) + " |" for row in table.rows)


# Cached: cells repeat (0, blank, the template's labels) within a table and across reports.
@functools.lru_cache(maxsize=1 << 14)
def grid_cell(cell: str) -> str:
    cell = cell.replace("|", " ").replace("\n", " ")
    return _NUMBERING_IN_CELL.sub(" ", cell) if _CJK_CHAR.search(cell) else cell


@dataclass
class Hit:
    key: str
    label: str  # the compact label that matched
    start: int  # squeezed offsets
    end: int


def find_hits(src: Source, pattern: re.Pattern, keys: dict[str, str], lo: int, hi: int) -> list[Hit]:
    """Row labels in [lo, hi), but none inside a bracketed note: `其他对外管理服务事项(含…行政许可…)`
    names other rows in its note, and `(区分处理的…不计其他情形)` names 其他."""
    notes = [m.span() for m in _BRACKETED_NOTE.finditer(src.squeezed, lo, hi)]
    if "|" in src.norm:
        notes += [
            _squeezed_span(src, m.span())
            for m in _CUT_NOTE.finditer(src.norm, src.norm_at(lo), src.norm_at(hi))
        ]
    hits = [
        Hit(keys[m.group()], m.group(), m.start(), m.end()) for m in pattern.finditer(src.squeezed, lo, hi)
    ]
    if not notes:  # most texts: nothing to test each hit against
        return hits
    return [hit for hit in hits if not any(start < hit.start < end for start, end in notes)]


def _squeezed_span(src: Source, span: tuple[int, int]) -> tuple[int, int]:
    return bisect.bisect_left(src.offsets, span[0]), bisect.bisect_left(src.offsets, span[1])


def first_of(src: Source, words: tuple[str, ...], lo: int = 0, hi: int | None = None) -> int:
    """Squeezed offset of the earliest of `words` in [lo, hi), or -1."""
    hi = len(src.squeezed) if hi is None else hi
    found = [i for i in (src.squeezed.find(compact(w), lo, hi) for w in words) if i >= 0]
    return min(found) if found else -1


def alternation(labels) -> re.Pattern:
    return re.compile("|".join(re.escape(x) for x in sorted(set(labels), key=len, reverse=True)))


def line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else None]
