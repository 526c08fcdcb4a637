"""Web pages saved as one file (MHTML): a browser's "save as a single file" (.mhtml, .mht) and Word's
"single file web page" (.mht), which sites also publish under the name .doc.

Such a file is a MIME message: the page's HTML is its first text/html part, in a transfer encoding
(quoted-printable, base64) that Python's email package undoes, and is read as a web page. Its
pictures are parts of the message, not files beside it: those the page shows are taken from there,
and nothing beside the file is read.
"""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from email.message import Message
from urllib.parse import unquote, urljoin

from metrics.models import Document
from metrics.readers.errors import ReadError

SUFFIXES = (".mht", ".mhtml")
# A MIME message's header lines at the very start ('From: <Saved by Blink>', 'MIME-Version: 1.0'), one
# of them the page's or the message's type. Anchored, so a web page or a PDF fails at its first byte.
_MIME_HEADERS = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,20}?"
    rb"Content-Type:\s*(?:multipart/related|text/html)",
    re.IGNORECASE,
)


def is_mhtml(data: bytes) -> bool:
    return _MIME_HEADERS.match(data[:8192]) is not None


def read_mhtml(path: str, data: bytes) -> Document:
    from metrics.readers.html import read_html

    parts = list(email.message_from_bytes(data).walk())
    for part in parts:
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            if page:
                return read_html(
                    path,
                    page,
                    charset=part.get_content_charset(),
                    pictures=lambda root, part=part: _saved_pictures(root, part, parts),
                )
    raise ReadError("the saved web page (MHTML) holds no HTML part")


def _saved_pictures(root, page: Message, parts: list[Message]) -> Iterator[bytes]:
    """The pictures the page shows that the file holds, in page order, each once. A browser saves a
    picture under its address (Content-Location), which the page's <img> names whole; Word under
    its file's path, which the page names relative to its own (report.files/image001.png); a
    picture may also be named by its Content-ID (cid:). A name's escapes count for nothing: Word may
    escape a Chinese file name in one place and not in the other (%E8%A1%A8.png, 表.png)."""
    named: dict[str, Message] = {}
    for part in parts:
        if part.get_content_maintype() == "image":
            for name in (part.get("Content-Location"), part.get("Content-ID")):
                if name:
                    named.setdefault(unquote(str(name).strip()), part)
    base = str(page.get("Content-Location") or "").strip()
    seen: set[int] = set()
    for img in root.iter("img"):
        src = (img.get("src") or "").strip()
        if not src:
            continue
        names = (f"<{src[4:]}>", src[4:]) if src.startswith("cid:") else (src, urljoin(base, src))
        part = next((named[n] for n in map(unquote, names) if n in named), None)
        if part is None or id(part) in seen:
            continue
        seen.add(id(part))
        picture = part.get_payload(decode=True)
        if picture:
            yield picture
