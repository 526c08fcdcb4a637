"""Plain-text files: the decoded text as it is, and any page metadata block at its head."""

from __future__ import annotations

from metrics.models import Document
from metrics.readers.encoding import decode
from metrics.readers.errors import ReadError
from metrics.readers.page_meta import read_page_meta


def read_text(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("the file contains only blank space, no text")
    return Document(path=path, text=text, page_meta=read_page_meta(text), encoding=encoding)
