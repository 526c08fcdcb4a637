"""Numbers as reports write them: Arabic (full-width, thousands separators) or Chinese numerals,
with approximation words (100余条, 近200件, 约50次).

Callers pass text already through metrics.normalize (ASCII digits and punctuation, simplified
characters); `NUMBER` is a regex fragment for building larger patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

ZH_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
# Arabic: 1,236 / 1236 / 12.5; the comma group needs exactly three digits so "3,4" stays two numbers.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Chinese numeral must start with a digit word or 十, so 万/千 alone (万元, 千方百计) never parse.
CHINESE = rf"[{''.join(_DIGITS)}十拾][{ZH_NUMERAL_CHARS}]*"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"

# Words that make the figure approximate. 以上 and 左右 follow the unit, the others precede or follow the number.
APPROX_BEFORE = r"(?:近|约|大约|将近|接近|逾|超过|达到近)"
APPROX_AFTER = r"(?:余|多)"
APPROX_AFTER_UNIT = r"(?:以上|左右)"

_ARABIC_FULL = re.compile(rf"^(?:{ARABIC})$")
_CHINESE_FULL = re.compile(rf"^{CHINESE}$")


@dataclass(frozen=True)
class Quantity:
    value: float
    approximate: bool = False


def parse_arabic(text: str) -> float | None:
    text = text.strip()
    if not _ARABIC_FULL.match(text):
        return None
    return _whole(float(text.replace(",", "")))


def parse_chinese(text: str) -> int | None:
    """一百二十三 -> 123, 两 -> 2, 十二 -> 12, 二〇一三 -> 2013 (digit by digit), 1万 is not handled here."""
    text = text.strip()
    if not text or not _CHINESE_FULL.match(text):
        return None
    if not any(ch in _SMALL_UNITS or ch in _BIG_UNITS for ch in text):
        # Digit-by-digit form, as in years (二〇一三) or 一〇五.
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            # 十二 has no leading digit: it means one ten.
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        else:
            total = (total + section + digit) * _BIG_UNITS[ch]
            section = digit = 0
    return total + section + digit


def parse_number(text: str) -> float | None:
    """An Arabic or Chinese number, or None when the text is not exactly one number."""
    value = parse_arabic(text)
    if value is not None:
        return value
    return parse_chinese(text)


def _whole(value: float) -> float:
    return float(int(value)) if value.is_integer() else value


_QUANTITY = re.compile(rf"^(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})(?P<after>{APPROX_AFTER})?$")


def parse_quantity(text: str) -> Quantity | None:
    """'100余' -> Quantity(100, approximate=True); '12' -> Quantity(12)."""
    m = _QUANTITY.match(text.strip())
    if not m:
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    return Quantity(value, approximate=bool(m.group("before") or m.group("after")))


def to_10k_yuan(value: float, unit: str) -> float:
    """Money in 万元: 251000 元 -> 25.1."""
    if unit == "元":
        return round(value / 10_000, 6)
    return value
