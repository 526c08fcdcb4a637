"""Text from reports, file names and URLs made inert for the element that shows it.

Streamlit's text elements (markdown, captions, alerts, headers) read markdown: links, images,
bare URLs, emphasis, math and Streamlit's own :colour[…] and :material/…: directives. Plotly
draws a subset of HTML in every label, legend, tick and hover text (<a href>, <b>, <br>). What a
report or a link says must show as written in both, never run.
"""

from __future__ import annotations

import html
import re

_BACKTICK_RUNS = re.compile(r"`+")


def markdown(text: object) -> str:
    """Text shown as written by an element that renders markdown: as an inline code span.

    Inside a code span CommonMark interprets nothing, and Streamlit turns no URL into a link there;
    backslash escapes would not do, since Streamlit links bare URLs after the escapes are undone.
    The fence is one backtick longer than any run in the text, and line breaks become spaces so a
    blank line cannot end the span.
    """
    flat = " ".join(str(text).splitlines())
    fence = "`" * (max((len(run) for run in _BACKTICK_RUNS.findall(flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def plotly(text: object) -> str:
    """Text shown as written in a Plotly label: Plotly turns &amp; &lt; &gt; back into & < >."""
    return html.escape(str(text), quote=False)


def marked_html(text: object, spans: list[tuple[int, int]]) -> str:
    """Text as inert HTML with the given (start, end) spans in <mark>: every piece is escaped, so what
    a report says shows as written; line breaks are kept by the caller's white-space style."""
    text = str(text)
    out, at = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[at:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)
