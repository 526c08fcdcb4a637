"""Web pages saved as one file (MHTML): a browser's "save as a single file" (.mhtml, .mht) and Word's
"single file web page" (.mht), which sites also publish under the name .doc.

Such a file is a MIME message: the page's HTML is its first text/html part, in a transfer encoding
(quoted-printable, base64) that Python's email package undoes, and is read as a web page. Its
pictures are parts of the message, not files beside it, and are not read.
"""

from __future__ import annotations

import email
import re

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

    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            page = part.get_payload(decode=True)
            if page:
                return read_html(path, page, charset=part.get_content_charset())
    raise ReadError("the saved web page (MHTML) holds no HTML part")
