"""Decoding bytes of unknown encoding (UTF-8 with or without BOM, GB18030/GBK, UTF-16)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from metrics.readers.errors import ReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises ReadError when the bytes are not text in any encoding we know."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    # Strict UTF-8 first: it is the common case and it never mis-decodes GBK bytes silently.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(_widen(declared)), _widen(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    # Chinese reports not in UTF-8 are almost always GB18030 (a superset of GBK and GB2312).
    try:
        text = data.decode("gb18030")
        if _looks_like_text(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise ReadError("the file is not text in any encoding we recognise (binary or corrupt data)")
    return str(best), best.encoding


def _widen(name: str) -> str:
    name = name.lower().strip()
    return "gb18030" if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk") else name


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return bad / len(sample) < 0.01
