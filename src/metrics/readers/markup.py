"""Markup that HTML-to-markdown converters leave around a report's words.

pandoc writes a styled span as `[0]{style="font-size: 19px"}` and a link as `[text](address)`, and
GitHub-flavoured markdown keeps raw tags (`<span style="font-size: 19px">0</span>`); left in, the
digits of a style (`19px`) or an address stand among a table's cells. Text browsers (w3m) draw a
table's borders with box-drawing characters (`│0 │1 │`, `├──┼──┤`); they become the `|` borders
every reader knows, and lines of nothing but drawn border are dropped.
"""

from __future__ import annotations

import re

# Innermost first: a span's text holds no brackets.
_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{[^{}\n]*\}")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
# A raw HTML tag inside converted text (never in a report's own words, which print no angle brackets).
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# Box-drawing characters: lines (─ ━ ═) and the rest, which all stand where cells meet (│ ├ ┼ ╋ ...).
_BOX = re.compile(r"[\u2500-\u257f]")
_BOX_LINE = re.compile(r"^[\u2500-\u257f \t\u3000]*[\u2500-\u257f][\u2500-\u257f \t\u3000]*$", re.MULTILINE)
_BOX_HORIZONTAL = "─━═┄┅┈┉╌╍"
# An attribute block standing alone: {style="…"}, {#id}, {.class}, {width="…"}.
_ATTRIBUTES = re.compile(r"\{(?:[#.][^{}\n]*|[a-z-]+=\"[^\"\n]*\"[^{}\n]*)\}")


def strip_markup(text: str) -> str:
    if _BOX.search(text):
        text = _BOX.sub(_box_border, _BOX_LINE.sub("", text))
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "](" not in text and "]{" not in text and "{" not in text:
        return text
    previous = None
    while previous != text:  # spans nest: [[0]{style=…}]{style=…}
        previous = text
        text = _LINK.sub(r"\1", _SPAN.sub(r"\1", text))
    return _ATTRIBUTES.sub("", text)


def _box_border(m: re.Match) -> str:
    return " " if m.group() in _BOX_HORIZONTAL else "|"
