"""Text normalisation used for matching only; stored evidence keeps the original text."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import opencc

# Full-width ASCII to ASCII, and punctuation that reports write in several ways and that label
# matching should treat as one, in a single translation table.
_TABLE = (
    {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    | {0x3000: 0x20}
    | str.maketrans(
        {
            "〔": "[",
            "〕": "]",
            "【": "[",
            "】": "]",
            "、": ",",
            "，": ",",
            "。": ".",
            "“": '"',
            "”": '"',
            "‘": "'",
            "’": "'",
            "—": "-",
            "–": "-",
            "\u00a0": " ",
            "\u200b": "",
        }
    )
)


# Radicals of the supplement block that Unicode gives no compatibility mapping, with the whole
# character each stands for when a PDF font maps that character's glyph to it (人⺠政府, 首⻚, ⻓期).
_SUPPLEMENT_RADICALS = str.maketrans(
    "⺠⻓⻔⻚⻅⻛⻢⻥⻦⻬⻰⻜⻮⻋⻉⻆⻘⻨⻩⻤⻄⻁⻝⻣⻗⻙⻧⻪⻫⻭⻯",
    "民长门页见风马鱼鸟齐龙飞齿车贝角青麦黄鬼西虎食骨雨韦卤黾齐齿龙",
)


def _radical_table() -> dict[int, int]:
    """Kangxi and supplementary radicals (⼀ ⾏ ⼈ ⺠) to the ideographs they look like: PDFs whose
    fonts map glyphs to the radical code points give text that looks right and matches nothing."""
    table = dict(_SUPPLEMENT_RADICALS)
    for code in list(range(0x2E80, 0x2EF4)) + list(range(0x2F00, 0x2FD6)):
        same = unicodedata.normalize("NFKC", chr(code))
        if len(same) == 1 and same != chr(code):
            table[code] = ord(same)
    return table


RADICALS = _radical_table()
_TABLE |= RADICALS


def translation(table: dict[int, int | str]) -> Callable[[str], str]:
    """What str.translate(table) does, by a regex over the table's characters: str.translate looks
    up every character, which in Chinese text, where few characters are in the table, costs about
    three times as much."""
    replacements = {chr(code): chr(to) if isinstance(to, int) else to for code, to in table.items()}
    pattern = re.compile("[" + "".join(map(re.escape, replacements)) + "]")

    def replace(match: re.Match) -> str:
        return replacements[match.group()]

    return functools.partial(pattern.sub, replace)


translate_radicals = translation(RADICALS)
_translate = translation(_TABLE)
# Cells and labels repeat across reports, and are kept by the thousand; whole texts are too big to
# keep that way, but the steps of reading one report normalise its text several times over.
_CACHED_LENGTH = 200
_TEXTS_KEPT = 4


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """The text in traditional characters, as sites offering both scripts write it (the demo data and
    the tests' traditional-character reports)."""
    return _s2t().convert(text)


# Some mirrored pages print a pinyin reading after characters (數(shù)據(jù)); it breaks every word match.
# A PDF's text may set a space before it (數 (shù)量). The bracket comes first in the pattern, so the
# regex engine scans for it rather than trying the look-behind at every character.
_PINYIN_NOTE = re.compile(
    r"\((?:(?<=[\u4e00-\u9fff]\()|(?<=[\u4e00-\u9fff][ \t]\())[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)"
)


# Mirror sites that convert pages with Taiwan phrasing (OpenCC's s2twp) replace the words the report
# forms are made of: 信息 becomes 資訊, 发布 釋出, 项目 專案, 网络 網路, 规范性文件 規範性檔案. Mainland
# pages, in either script, never write these forms, so they are turned back before matching; 檔案
# alone stays, since it is also the mainland word for archives (檔案局). 部份 is a variant of 部分 that
# pages on both sides write.
_VARIANT_PHRASES = re.compile("資訊|釋出|專案|網路|規範性檔案|部份")
_STANDARD_PHRASE = {
    "部份": "部分",
    "資訊": "信息",
    "釋出": "发布",
    "專案": "项目",
    "網路": "网络",
    "規範性檔案": "规范性文件",
}


def normalize(text: str) -> str:
    """Simplified characters, ASCII digits and punctuation; same length is not guaranteed."""
    return _normalize_short(text) if len(text) <= _CACHED_LENGTH else _normalize_long(text)


def _normalize(text: str) -> str:
    return _PINYIN_NOTE.sub("", to_simplified(mainland_phrases(_translate(text))))


def mainland_phrases(text: str) -> str:
    """The report forms' words where a mirror wrote them with Taiwan phrasing, at the same length."""
    return _VARIANT_PHRASES.sub(lambda m: _STANDARD_PHRASE[m.group()], text)


_normalize_short = functools.lru_cache(maxsize=1 << 16)(_normalize)
_normalize_long = functools.lru_cache(maxsize=_TEXTS_KEPT)(_normalize)


# Whitespace, and quotes, which labels print in several ways (危及"三安全一稳定" / 危及三安全一稳定).
_UNMATCHED = re.compile(r"[\s\"]+")


def compact(text: str) -> str:
    """normalize() without whitespace or quotes: for matching table labels."""
    return _compact_short(text) if len(text) <= _CACHED_LENGTH else _compact(text)


def _compact(text: str) -> str:
    return _UNMATCHED.sub("", normalize(text))


_compact_short = functools.lru_cache(maxsize=1 << 16)(_compact)


def join_wrapped_words(text: str) -> str:
    """Printed pages wrap a sentence where the line is full, inside a word ('由某区司法\n局编制', '属\n于四类
    过程性信息1件'): a line break between two Chinese characters joins them."""
    return _WRAPPED_WORDS.sub("", text)


_WRAPPED_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n\s*(?=[\u4e00-\u9fff])")
