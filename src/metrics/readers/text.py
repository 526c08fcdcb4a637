from __future__ import annotations

from metrics.models import Document
from metrics.readers.encoding import decode
from metrics.readers.page_meta import read_page_meta


def read_text(path: str, data: bytes) -> Document:
    text, encoding = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(path=path, text=text, page_meta=read_page_meta(text), encoding=encoding)
