"""File names as the database holds them and as people read them.

A name on disk is bytes. One from a Windows archive unzipped on Linux is often GBK, which is not
UTF-8 and so cannot be a database string as it is; Python carries those bytes as lone surrogates
(os.fsdecode). The database gets them as \\xNN escapes (a backslash itself doubled), which read
back to the very same bytes; people see each part of the name decoded as GB18030 when UTF-8 fails.
"""

from __future__ import annotations

import os
import re

_ESCAPE = re.compile(r"\\\\|\\x([0-9a-f]{2})")


def for_storage(path: str) -> str:
    """Valid UTF-8 text that stands for exactly this path; a UTF-8 name without backslashes is itself."""
    return os.fsencode(path).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def from_storage(text: str) -> str:
    """The path a stored name stands for, as Python opens it."""
    raw, end = bytearray(), 0
    for escape in _ESCAPE.finditer(text):
        raw += text[end : escape.start()].encode()
        raw += bytes([int(escape[1], 16)]) if escape[1] else b"\\"
        end = escape.end()
    raw += text[end:].encode()
    return os.fsdecode(bytes(raw))


def readable(text: str) -> str:
    """A stored name for people: each part of the path in UTF-8, else GB18030, else with U+FFFD."""
    return "/".join(_decode(part) for part in os.fsencode(from_storage(text)).split(b"/"))


def _decode(part: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return part.decode(encoding)
        except UnicodeDecodeError:
            pass
    return part.decode("utf-8", "replace")
