"""Decoding bytes of unknown encoding (UTF-8 with or without BOM, GB18030/GBK, UTF-16)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from metrics.readers.errors import ReadError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). Raises ReadError when the bytes are not text in any encoding we know."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            # A file cut short can end inside a character: keep what precedes it.
            text = data.decode(name, errors="replace")
            if not _looks_like_text(text):
                raise ReadError(f"the file starts as {name} text but the rest is binary or corrupt data")
            return text, name
    # Strict UTF-8 first: it is the common case and it never mis-decodes GBK bytes silently.
    text = _strict_utf8(data)
    if text is not None and _looks_like_text(text):
        return text, "utf-8"
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
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


def _strict_utf8(data: bytes) -> str | None:
    """UTF-8 without any invalid byte, except a last character cut off by truncation."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")
        return None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without a byte-order mark (some Windows exports): accept it only when nearly
    every character is Chinese, ASCII or common punctuation, which GBK bytes read that way never are."""
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) - len(data) % 2].decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        if sample and sum(map(_plausible_char, sample)) / len(sample) > 0.95:
            return text, name
    return None


def _plausible_char(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\r\n\t"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    )


def _widen(name: str) -> str:
    name = name.lower().strip()
    return "gb18030" if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk") else name


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:20000]
    bad = len(_NOT_TEXT.findall(sample))
    return bad / len(sample) < 0.01


# Control characters other than line and page breaks, and the replacement character of a failed decode.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
