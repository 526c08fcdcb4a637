"""Figures stated in sentences, as the 2008-2014 reports give them (and as any report's prose does).

The wordings are declared in metrics.templates.legacy_prose; this module holds the mechanics. Every
figure must sit right after the words that name it (主动公开政府信息1,236条, 受理申请9件,
行政复议案0件) and carry a count unit, so dates, percentages, 同比 changes, document numbers,
phone numbers and page counts never qualify. Statements that nothing happened (未发生行政复议和
行政诉讼, 未收到申请, 没有收费) give 0. When a report states two different values for one metric
and neither is marked as the total, nothing is kept and a flag says why: a wrong number is worse
than a missing one.

Proactive-disclosure categories (工作动态信息119条, 要闻491条, 领导讲话7篇) are kept as facts of metric
`proactive_category` whose column is the category name as printed (the note repeats it), whether or
not a total is stated. They never feed `proactive_items`, and no total is computed from them. When a
total is stated they are checked against it: a list never adds up to more than the total, and the
breakdown printed right after it (主动公开政府信息160条,其中综合政务59条;…) adds up to exactly the total.
A report that fails is flagged, its printed numbers kept.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from metrics.models import Document, Fact, Flag, Metadata
from metrics.normalize import mainland_phrases, to_simplified, translation
from metrics.numbers_zh import (
    parse_quantity,
    to_10k_yuan,
)
from metrics.templates.legacy_prose import (
    BOTH_ZERO,
    BREAKDOWN_OPENING,
    BREAKDOWN_SPLIT,
    CASE_RESULT,
    CATEGORY_ITEM,
    CATEGORY_VERB,
    CHANNEL,
    CHANNEL_COUNT,
    CLAUSE_SPLIT,
    CONDITIONAL,
    COUNT_RULES,
    CUMULATIVE,
    DENIAL_WORDS,
    FEE_AMOUNT,
    FEE_CONTEXT,
    FEE_NONE,
    FEE_OTHER_MONEY,
    FEE_WAIVED,
    FEES_HEADING,
    FRESH,
    GENERIC_NAME,
    HANDLED_REQUESTS,
    HOLDS_CARRIED_AFTER,
    LISTED_COUNT,
    LITIGATION,
    MID_EXCLUDED,
    NEW_AND_CARRIED_AFTER,
    NEW_PART_AFTER,
    NONE_EVENT,
    NONE_UNDER_HEADING,
    NOT_A_CATEGORY,
    NOT_IN_BREAKDOWN,
    OTHER_CHANNEL_AFTER,
    OTHER_YEAR,
    PERCENT_CLAUSE,
    PERSON_COUNT,
    PUBLICITY_ATTRIBUTES,
    PUBLISHED_INFORMATION,
    REASON_RULES,
    REQUEST_CHANNEL,
    REQUEST_OUTCOMES,
    REQUEST_SCOPE,
    RUNNING_TOTAL,
    SECTION_HEADING,
    SENTENCE_END,
    SENTENCE_EXCLUDED,
    SINCE,
    STAFF_KINDS,
    SUBSET,
    SUMMED_TOTAL,
    TOTAL_WORDS,
    TOTALS_ONLY,
    UP_TO,
    UP_TO_RUNNING,
    UP_TO_YEAR_END_METRICS,
    YEAR_END,
    Rule,
)

PROACTIVE_CATEGORY = "proactive_category"

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x201C: 0x22, 0x201D: 0x22, 0x2018: 0x27, 0x2019: 0x27, 0xA0: 0x20})
_translate_fullwidth = translation(_FULLWIDTH)


def _normalize(text: str) -> str:
    """Simplified characters and ASCII digits/punctuation; 、 and 。 stay, so lists keep their shape."""
    return to_simplified(mainland_phrases(_translate_fullwidth(text)))


# --- sentences ------------------------------------------------------------------------------------

# Lines are joined before normalising, so full-width marks count too.
_LINE_END = "。！？；：!?;:"
_UNIT_FIRST = re.compile(r"[条條件个個项項次人份篇宗起例名家场場期]")
_SHORT_LINE = 8


def _join_broken_lines(text: str) -> str:
    """Rejoin lines that a PDF or scraper broke mid-sentence ('2011\\n年\\n1\\n月'), and the lines of
    a printed page's paragraphs ('主动公开政府信息' / '数160条'), keep real breaks."""
    lines = [raw.strip() for raw in text.splitlines()]
    width = _wrap_width(lines)
    out: list[str] = []
    last = ""  # the last line as printed, before any joining
    blank = False  # a blank line since the last one
    for line in lines:
        if not line:
            blank = bool(out)
            continue
        if out:
            prev = out[-1]
            printed = _printed_width(last) if width else 0
            wrapped = width and printed >= _FULL_LINE * width
            # A number and its unit on two lines ('…各类信息222' / '条,累计…'): no paragraph ends there.
            split_count = prev[-1].isdigit() and _UNIT_FIRST.match(line)
            # Some PDF-to-Markdown tools put a blank line after every printed line: a line of the
            # page's full width that ends no sentence, and is no heading, goes on across it.
            joins = (
                (split_count or (width and abs(printed - width) <= _WIDTH_SPREAD))
                and not _HEADING.match(last)
                if blank
                else (len(prev) <= _SHORT_LINE or len(line) <= _SHORT_LINE or wrapped or split_count)
            )
            # A line opening a numbered item ('4、政府信息公开的收费情况') starts anew, whatever the width of
            # the line before ('3、…行政复议、提起行政诉讼情况:无').
            joins = joins and (split_count or not _ITEM_NUMBER.match(line))
            if _ITEM_NUMBER.match(prev):
                joins = _heading_goes_on(prev, line, blank, wrapped, joins)
            if prev[-1] not in _LINE_END and joins:
                # '(二)依申请公开' / '无': the heading answered, read as '(二)依申请公开:无'.
                out[-1] = prev + (":" if _answers_heading(prev, line) else "") + line
                last, blank = line, False
                continue
            out.append("\n")
        out.append(line)
        last, blank = line, False
    return "".join(out)


def _heading_goes_on(heading: str, line: str, blank: bool, wrapped: bool, joins: bool) -> bool:
    """Whether a numbered heading goes on into the next line: a short one ('一、总体情况') only to a short
    answer ('无'), even across a blank line ('(一)申请情况' / '' / '无申请。'); otherwise as `joins` says."""
    if blank and len(heading) <= _HEADING_LINE and _SHORT_ANSWER.match(line):
        return True
    if len(heading) <= _SHORT_LINE < len(line) and not wrapped:
        return False
    return joins


def _answers_heading(heading: str, line: str) -> bool:
    return (
        bool(_ITEM_NUMBER.match(heading))
        and len(heading) <= _HEADING_LINE
        and bool(_SHORT_ANSWER.match(line))
    )


# A heading's numbering: '三、', '(二)'.
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}\s*[、.]|[(（][一二三四五六七八九十]{1,3}[)）]")
# A heading's answer on a line of its own: '无', '无申请。', '没有。'.
_SHORT_ANSWER = re.compile(r"^(?:无|没有|均无)[^\d,，。]{0,4}[。.]?$")
_HEADING_LINE = 30
# A numbered item's or heading's numbering: '三、', '(二)', '4、', '(3)'.
_ITEM_NUMBER = re.compile(rf"{_HEADING.pattern}|\d{{1,2}}\s*、|[(（]\d{{1,2}}[)）]")


# A printed page's text: most lines of a paragraph are as long as the page is wide. Where at least
# this share of the long lines have the most common length (give or take _WIDTH_SPREAD), the text was
# wrapped at that width, and a line at least _FULL_LINE of it long went on on the next line unless it
# ends a sentence. Text whose paragraphs are lines of their own (web pages) has no such width.
_WRAPPED_SHARE = 0.3
# Full lines differ by up to two characters: an indented paragraph's first line is two shorter, and
# OCR reads digits and marks of varying width.
_WIDTH_SPREAD = 2
_LONG_LINE = 20
_FULL_LINE = 0.85


def _wrap_width(lines: list[str]) -> int:
    # A line of fewer characters is never that wide (no character is wider than one), so is not measured.
    long_lines = (line for line in lines if len(line) >= _LONG_LINE)
    lengths = [n for n in map(_printed_width, long_lines) if n >= _LONG_LINE]
    if len(lengths) < 5:
        return 0
    common = Counter(lengths).most_common(1)[0][0]
    near = sum(1 for n in lengths if abs(n - common) <= _WIDTH_SPREAD)
    return common if near >= _WRAPPED_SHARE * len(lengths) else 0


def _printed_width(line: str) -> int:
    """A line's width on the page in Chinese characters: digits and Latin letters take half."""
    return round(sum(map(_CHAR_WIDTHS.__getitem__, line)))


class _CharWidths(dict):
    """Each character's printed width, looked up once: the lookup per character of every line of a
    text cost more than the rest of reading its prose. Held to the characters a report uses."""

    _MAX_KEPT = 1 << 16

    def __missing__(self, char: str) -> float:
        width = 1 if unicodedata.east_asian_width(char) in "WF" else 0.5
        if len(self) < self._MAX_KEPT:
            self[char] = width
        return width


_CHAR_WIDTHS = _CharWidths()


_SENTENCE_SPLIT = re.compile(r"[^。!?;\n]+")
# A passage keeps its semicolons (lists run over them) and its closing mark, which shows it is whole.
_PASSAGE_SPLIT = re.compile(r"[^。!?\n]+[。!?]?")
# Some mirrored pages print the pinyin after characters ('報(bào)告', '數(shù)量'), which splits every word.
# The bracket comes first, so the regex engine scans for it rather than trying a look-behind everywhere.
_RUBY = re.compile(r"\((?<=[\u4e00-\u9fff]\()[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def strip_ruby(text: str) -> str:
    """'數(shù)量' -> '數量': pinyin annotations dropped, nothing else touched."""
    return _RUBY.sub("", text)


@dataclass(frozen=True)
class Sentence:
    norm: str  # what the patterns read
    original: str  # the evidence shown to the user


# Word-processor exports space out words and figures ('政府信息数 2030 条', '信 息'); Chinese never
# needs those spaces, and dropping them never joins two numbers. A space comes first in the pattern
# (the character before it is looked behind from there), so the regex engine scans for spaces.
_LAYOUT_SPACE = re.compile(
    r"[ \u3000\xa0](?:(?<=[\u4e00-\u9fff].)[ \u3000\xa0]*(?=[\u4e00-\u9fff\d])|(?<=\d.)[ \u3000\xa0]*(?=[\u4e00-\u9fff]))"
)


@dataclass(frozen=True)
class Prose:
    """A report's text as the patterns read it (broken lines joined, layout spaces dropped,
    normalised), and the same text as printed, for evidence. Made once per report."""

    joined: str
    norm: str


def prose(text: str) -> Prose:
    # Lines are joined first: a printed line's width counts the pinyin a mirror printed after characters.
    joined = _LAYOUT_SPACE.sub("", strip_ruby(_join_broken_lines(text)))
    return Prose(joined, _HEADING_STOP.sub(r"\1:", _normalize(joined)))


# '(二)依申请公开。无': a heading closed by a full stop and answered on its line, read as '(二)依申请公开:无'
# (the full stop would part the answer from what it answers).
_HEADING_STOP = re.compile(
    rf"(?m)^((?:{_ITEM_NUMBER.pattern})[^。\n\d]{{2,{_HEADING_LINE}}}?)。(?=(?:无|没有|均无)[^\d,。\n]{{0,4}}。?$)"
)


def sentences(text: Prose) -> list[Sentence]:
    return _pieces(text, _SENTENCE_SPLIT)


def passages(text: Prose) -> list[Sentence]:
    """Runs of text up to a full stop or line break, semicolons kept: '160条,其中,综合政务59条;人事1条。'"""
    return _pieces(text, _PASSAGE_SPLIT)


def _pieces(text: Prose, split: re.Pattern[str]) -> list[Sentence]:
    same_shape = len(text.norm) == len(text.joined)
    out = []
    for m in split.finditer(text.norm):
        piece = m.group().strip()
        if len(piece) < 4:
            continue
        original = text.joined[m.start() : m.end()].strip() if same_shape else piece
        out.append(Sentence(piece, original))
    return out


# A year of 19xx/20xx that a figure's clause names: another year's figure is not the report's.
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


# --- candidates ----------------------------------------------------------------------------------


@dataclass
class Candidate:
    metric_id: str
    value: float
    approximate: bool
    evidence: str
    strong: bool  # stated as the total (共, 全年, 合计 ...)
    note: str = ""


def _clause_before(norm: str, start: int) -> str:
    cut = max(norm.rfind(p, 0, start) for p in ",:")
    return norm[cut + 1 : start]


def _is_subset(norm: str, start: int) -> bool:
    """A 其中 before the figure makes it a part, unless 本年/新增 follows it: '累计5928条,其中本年度新增2110条'
    gives the year's total inside a cumulative one."""
    at = norm.rfind(SUBSET, 0, start)
    return at >= 0 and not FRESH.search(norm, at, start)


def _years_elsewhere(text: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(text))


def _cumulative_before(norm: str, start: int, year: int | None, year_end_is_year: bool = False) -> bool:
    """历年 / 截至 / 以来 before the figure, unless a 本年-like word restarts the count after it.

    '自2008年5月1日以来' in the 2008 report starts within the report year, so it is the year's count;
    so does a clause opening with the report year after it ('截至目前,2022年我区…'); and, for the
    metrics where `year_end_is_year`, 截至 the report year's last day without 累计 (UP_TO).
    """
    prefix = norm[:start]
    fresh = [m.end() for m in FRESH.finditer(prefix)]
    if year is not None:
        # The year opening a clause restarts the count, but '2022年以来' says since when it runs.
        fresh += [m.end() for m in re.finditer(rf"(?:^|,|其中)\s*{year}年(?!底|末|度?以来)", prefix)]
        fresh.sort()
    scope = prefix[fresh[-1] :] if fresh else prefix
    if RUNNING_TOTAL.search(scope):
        return True
    m = CUMULATIVE.search(scope)
    if m is None:
        return False
    if m.group() in SINCE:
        years = _YEAR.findall(scope[: m.start()])
        return not (year is not None and years and int(years[-1]) == year)
    rest = scope[m.end() :]
    if year_end_is_year and m.group() in UP_TO:
        return not (_closes_the_year(rest, year) and not UP_TO_RUNNING.search(rest))
    if year_end_is_year and YEAR_END.fullmatch(m.group()):
        return not (_closes_the_year(m.group(), year) and not UP_TO_RUNNING.search(rest))
    return True


def _closes_the_year(text: str, year: int | None) -> bool:
    """Whether the text opens with the report year's last day (2022年12月31日, 2022年12月, 2022年底), or
    with a year's end that names no year, which is the report's (12月末, 年底)."""
    return (
        year is not None and re.match(rf"到?\s*(?:{year}\s*年\s*)?(?:12\s*月|年?底|年?末)", text) is not None
    )


_PROACTIVE_SINGLED_OUT = re.compile(r"其中主动公开(?:的)?政府信息(?:数|数量)?(?:为|共)?\d")
_FRESH_OPENING = re.compile(rf"(?:其中)?(?:{FRESH.pattern}|(?:19|20)\d\d年度?)")


def _not_the_years_items(clause: str, m: re.Match[str], sentence: str) -> bool:
    """Whether a count of published items is one channel's beside another's, or the stock before the
    year's new items of the same kind (NEW_PART_AFTER)."""
    if _one_channel_of_several(clause, sentence):
        return True
    return "新增" not in m.group() and NEW_PART_AFTER.search(sentence[m.end() :]) is not None


def _one_channel_of_several(clause: str, sentence: str) -> bool:
    """Whether the clause counts one channel's items, beside another clause counting another's (a
    running total beside the year's part of it is no other channel's count)."""
    if len(CHANNEL.findall(clause)) != 1 or "等" in clause:
        return False
    counted = [
        c
        for c in re.split(r"[,;]", sentence)
        if CHANNEL.search(c) and CHANNEL_COUNT.search(c) and not CUMULATIVE.search(c) and "累计" not in c
    ]
    return len(counted) >= 2


def _count_candidates(
    s: Sentence, year: int | None, rules: tuple[Rule, ...], section: str = ""
) -> Iterator[Candidate]:
    """The counts the rules find in the sentence; `section` is the heading of the section it stands in."""
    for rule in rules:
        if rule.trigger not in s.norm or (rule.context is not None and not rule.context.search(s.norm)):
            continue
        if rule.section is not None and not rule.section.search(section):
            continue
        for m in rule.pattern.finditer(s.norm):
            candidate = _candidate_from_match(rule, m, s, year)
            if candidate is not None:
                yield candidate


def _not_all_of_the_years(m: re.Match[str], norm: str) -> bool:
    """Whether a count of requests is only some of the year's: last year's and the new ones are counted
    after it, or it is one channel's, another channel's or their sum following it."""
    if NEW_AND_CARRIED_AFTER.match(norm, m.end()):
        return True
    channel = REQUEST_CHANNEL.search(m.groupdict().get("mid") or "")
    return bool(channel and OTHER_CHANNEL_AFTER.match(norm, m.end()))


def _candidate_from_match(rule: Rule, m: re.Match[str], s: Sentence, year: int | None) -> Candidate | None:
    quantity = parse_quantity(f"{m.group('before') or ''}{m.group('num')}{m.group('after') or ''}")
    if quantity is None:
        return None
    clause = _clause_before(s.norm, m.start()) + m.group()
    # A match that opens with the year's word (其中本年度…公开214条, 当年收到3件) restarts its count there.
    opening = _FRESH_OPENING.match(m.group())
    start = m.start() + (opening.end() if opening else 0)
    # '网站发布各类信息2173条,…,其中主动公开政府信息数54条': the 其中 singles the disclosures out of all
    # that was posted, so they are the year's, and the count before them is not.
    singled = _PROACTIVE_SINGLED_OUT.search(s.norm) if rule.metric_id == "proactive_items" else None
    if singled and m.start() < singled.start():
        return None
    subset = not opening and not (singled and m.start() < singled.end()) and _is_subset(s.norm, start)
    # 在A网站和B网站…分别主动公开政府信息148条: a count for each, not their total.
    if rule.metric_id in TOTALS_ONLY and (subset or "分别" in clause):
        return None
    if rule.metric_id == "proactive_items" and _not_the_years_items(clause, m, s.norm):
        return None
    if rule.metric_id in REQUEST_OUTCOMES and PUBLICITY_ATTRIBUTES.search(s.norm):
        return None
    if MID_EXCLUDED.search(m.groupdict().get("mid") or ""):
        return None
    if rule.metric_id == "requests_new" and _not_all_of_the_years(m, s.norm):
        return None
    held = HOLDS_CARRIED_AFTER.match(s.norm, m.end()) if rule.metric_id == "requests_new" else None
    excluded = SENTENCE_EXCLUDED.get(rule.metric_id)
    if excluded is not None and excluded.search(s.norm):
        return None
    if OTHER_YEAR.search(clause) or _years_elsewhere(clause, year):
        return None
    year_end_is_year = rule.metric_id in UP_TO_YEAR_END_METRICS and not UP_TO_RUNNING.search(m.group())
    if quantity.value and _cumulative_before(s.norm, start, year, year_end_is_year):
        return None
    approximate = quantity.approximate or bool(m.groupdict().get("unit_after"))
    value, note = quantity.value, ""
    if held:  # the count less the carried requests it says it holds, where it is exact and holds them
        carried = float(held["carried"])
        if approximate or value < carried:
            return None
        value, note = value - carried, f"the count less the {held['carried']} carried over it holds"
    return Candidate(
        rule.metric_id, value, approximate, s.original, strong=bool(TOTAL_WORDS.search(clause)), note=note
    )


def _summed_total_candidates(s: Sentence, year: int | None) -> Iterator[Candidate]:
    """总计N条 right after two or more counts of published information that add up to it: the last
    counts before it, with no other year's date among them (由2013年的1128条增加到2014年的1887条,
    …514条,总计2401条 sums 1887 and 514)."""
    if not PUBLISHED_INFORMATION.search(s.norm) or CUMULATIVE.search(s.norm):
        return
    for m in SUMMED_TOTAL.finditer(s.norm):
        listed = list(LISTED_COUNT.finditer(s.norm, 0, m.start()))
        total = _number(m.group("num"))
        for k in range(2, len(listed) + 1):
            if sum(_number(c.group("num")) for c in listed[-k:]) != total:
                continue
            since = listed[-k - 1].end() if k < len(listed) else 0
            if not _years_elsewhere(s.norm[since : m.start()], year):
                yield Candidate(
                    "proactive_items",
                    total,
                    False,
                    s.original,
                    strong=True,
                    note="the sum of the counts before it",
                )
            break


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _fee_candidates(s: Sentence, year: int | None, heading: str = "") -> Iterator[Candidate]:
    """Fees charged for requests; `heading` is the sentence before, which answers for the context
    when it is the fees section's heading ('三、政府信息公开的收费及减免情况' / '我街道未收取任何费用')."""
    if "费" not in s.norm or not (FEE_CONTEXT.search(s.norm) or FEES_HEADING.fullmatch(heading)):
        return
    for m in FEE_AMOUNT.finditer(s.norm):
        clause = _clause_before(s.norm, m.start()) + m.group()
        if FEE_OTHER_MONEY.search(clause) or OTHER_YEAR.search(clause) or _years_elsewhere(clause, year):
            continue
        value = to_10k_yuan(float(m.group("num").replace(",", "")), m.group("money"))
        yield Candidate("request_fees_10k_yuan", value, False, s.original, strong=True)
    if FEE_WAIVED.search(s.norm):
        yield Candidate(
            "request_fees_10k_yuan", 0, False, s.original, strong=True, note="stated that fees are waived"
        )
    for m in FEE_NONE.finditer(s.norm):
        # 申请人 marks a condition ('申请人可以…'), except as the one charged: 未向申请人收取费用.
        words = m.group().replace(m.group("whom"), "", 1) if m.group("whom") else m.group()
        if not CONDITIONAL.search(words) and not FEE_OTHER_MONEY.search(words):
            yield Candidate(
                "request_fees_10k_yuan",
                0,
                False,
                s.original,
                strong=True,
                note="stated that no fee was charged",
            )


def _zeros_in_scope(scope: str, s: Sentence, note: str) -> Iterator[Candidate]:
    """0 for each kind of event the words under a negation name."""
    if "复议" in scope:
        yield Candidate("review_total", 0, False, s.original, strong=True, note=note)
    if LITIGATION.search(scope):
        yield Candidate("litigation_total", 0, False, s.original, strong=True, note=note)
    if "投诉" in scope and "公开" in s.norm:
        yield Candidate("complaints_total", 0, False, s.original, strong=True, note=note)
    # Each thing the negation lists on its own ('未收到任何形式的依申请公开信息、行政复议和行政诉讼'): a
    # review's 申请 is no request for information, nor is what a request caused (未发生因…申请引起的…) or
    # cost (没有收取依申请公开信息相关费用).
    if any(
        "复议" not in item
        and not LITIGATION.search(item)
        and REQUEST_SCOPE.search(item)
        and not re.search(r"投诉|举报|咨询|案例|案件|纠纷|结转|费|^因", item)
        for item in re.split(r"[、,和及与或且]", scope)
    ):
        yield Candidate("requests_new", 0, False, s.original, strong=True, note="stated that no request came")


def _zero_candidates(s: Sentence) -> Iterator[Candidate]:
    """未发生行政复议和行政诉讼 -> review 0, litigation 0; '行政复议、行政诉讼情况:无' likewise."""
    if BOTH_ZERO.search(s.norm):
        for metric_id in ("review_total", "litigation_total"):
            yield Candidate(metric_id, 0, False, s.original, strong=True, note="stated as zero")
    for m in NONE_EVENT.finditer(s.norm):
        scope = m.group("scope")
        if not CONDITIONAL.search(scope) and not CASE_RESULT.search(scope):
            yield from _zeros_in_scope(scope, s, "stated that none occurred")
    m = NONE_UNDER_HEADING.match(s.norm)
    if m and not CASE_RESULT.search(m.group("topic")):
        topic = m.group("topic")
        yield from _zeros_in_scope(topic, s, "heading answered with 无")
        if re.search(r"收费|费用", topic):
            yield Candidate(
                "request_fees_10k_yuan", 0, False, s.original, strong=True, note="heading answered with 无"
            )


# --- denial reasons ------------------------------------------------------------------------------


def _reason_candidates(s: Sentence, rules: tuple[tuple[str, re.Pattern], ...]) -> Iterator[Candidate]:
    if not rules or not DENIAL_WORDS.search(s.norm):
        return
    for metric_id, pattern in rules:
        for m in pattern.finditer(s.norm):
            quantity = parse_quantity(f"{m.group('before') or ''}{m.group('num')}{m.group('after') or ''}")
            if quantity is not None:
                yield Candidate(
                    metric_id,
                    quantity.value,
                    quantity.approximate,
                    s.original,
                    strong=True,
                    note="reason for refusal",
                )


# --- categories of proactive disclosure ----------------------------------------------------------


@dataclass(frozen=True)
class CategoryList:
    facts: list[Fact]
    whole_breakdown: bool  # printed as the stated total's 其中, every clause an item, up to the full stop


def _category_name(clause: str, first: bool) -> str:
    name = CATEGORY_VERB.sub("", clause) if first else clause
    return re.sub(r"^(?:其中|包括|主要有|有|的)+", "", name)


def _category_item(body: str, clause: str, excluded: re.Pattern[str]) -> tuple[str, float, bool] | None:
    """'工作动态信息119条' -> (name, value, approximate), unless the clause names no kind of information."""
    m = CATEGORY_ITEM.match(body)
    if m is None or excluded.search(clause) or GENERIC_NAME.match(m.group("name").strip('"')):
        return None
    quantity = parse_quantity(f"{m.group('before') or ''}{m.group('num')}{m.group('after') or ''}")
    return None if quantity is None else (m.group("name").strip('"'), quantity.value, quantity.approximate)


def _category_facts(items: list[tuple[str, float, bool]], evidence: str, note: str) -> list[Fact]:
    return [
        Fact(
            PROACTIVE_CATEGORY,
            value,
            column=name,
            evidence=evidence,
            approximate=approx,
            note=f"category: {name}{note}",
        )
        for name, value, approx in items
    ]


def category_facts(s: Sentence, year: int | None) -> list[Fact]:
    """Each 'name N条' item of a disclosure list of two or more, as proactive_category facts."""
    if not re.search(r"公开|发布", s.norm) or CUMULATIVE.search(s.norm) or _years_elsewhere(s.norm, year):
        return []
    items: list[tuple[str, float, bool]] = []
    best: list[tuple[str, float, bool]] = []
    for clause in CLAUSE_SPLIT.split(s.norm):
        clause = clause.strip()
        if PERCENT_CLAUSE.match(clause):
            continue
        first = not items
        item = _category_item(_category_name(clause, first), clause, NOT_A_CATEGORY)
        if item and (not first or CATEGORY_VERB.match(clause)):
            items.append(item)
            continue
        if len(items) > len(best):
            best = items
        items = []
    if len(items) > len(best):
        best = items
    return _category_facts(best, s.original, "") if len(best) >= 2 else []


def _breakdown_items(text: str) -> tuple[list[tuple[str, float, bool]], bool]:
    """The items of '综合政务59条;人事工作信息1条,占0.6%;…。' and whether they run whole to the full stop."""
    items: list[tuple[str, float, bool]] = []
    pending = ""
    for piece in BREAKDOWN_SPLIT.split(text.rstrip("".join(SENTENCE_END))):
        piece = piece.strip()
        if PERCENT_CLAUSE.match(piece):  # 占总体比例的12.4%
            continue
        if not piece or SUBSET in piece:
            return items, False  # a subset (其中主站采用15条) or an empty clause ends the list
        joined = f"{pending}、{piece}" if pending else piece
        item = _category_item(joined, joined, NOT_IN_BREAKDOWN)
        if item:
            items.append(item)
            pending = ""
        elif re.search(r"\d", piece):
            return items, False  # a figure that counts no kind of information ends the list
        else:
            pending = joined
    return items, text.endswith(SENTENCE_END) and not pending


def _breakdowns(p: Sentence, total: float, year: int | None) -> Iterator[CategoryList]:
    """Lists opened by 其中 right after the figure stated as the year's total (160条,其中,综合政务59条;…)."""
    ends = set()
    for rule in COUNT_RULES:
        if rule.metric_id != "proactive_items" or rule.trigger not in p.norm:
            continue
        for m in rule.pattern.finditer(p.norm):
            candidate = _candidate_from_match(rule, m, p, year)
            if candidate is not None and candidate.value == total:
                ends.add(m.end())
    for end in sorted(ends):
        opening = BREAKDOWN_OPENING.match(p.norm, end)
        if opening is None:
            continue
        items, whole = _breakdown_items(p.norm[opening.end() :])
        if len(items) >= 2:  # one item after 其中 is a subset (其中线上信息公开15条), not a breakdown
            yield CategoryList(_category_facts(items, p.original, ", 其中 of the stated total"), whole)


def _category_lists(
    text: Prose, all_sentences: list[Sentence], total: Fact | None, year: int | None
) -> list[CategoryList]:
    lists: list[CategoryList] = []
    read: list[str] = []
    if total is not None and total.value is not None:
        for p in passages(text):
            found = list(_breakdowns(p, total.value, year))
            lists += found
            read += [p.norm] if found else []
    for s in all_sentences:
        facts = [] if any(s.norm in r for r in read) else category_facts(s, year)
        if facts:
            lists.append(CategoryList(facts, whole_breakdown=False))
    return lists


def category_flags(total: Fact, lists: list[CategoryList]) -> list[Flag]:
    """Listed categories against the stated total: a list above it, or a whole breakdown short of it.

    An approximate figure (100余条) proves no mismatch; the printed numbers are kept either way."""
    if total.approximate or total.value is None:
        return []
    flags = []
    for lst in lists:
        if any(f.approximate for f in lst.facts):
            continue
        listed = sum(f.value for f in lst.facts)
        terms = " + ".join(_fmt(f.value) for f in lst.facts)
        if listed > total.value:
            flags.append(
                Flag(
                    "proactive_categories_over_total",
                    f"主动公开分类之和 {_fmt(listed)} 大于所述总数 {_fmt(total.value)} ({terms})",
                    metric_id="proactive_items",
                )
            )
        elif lst.whole_breakdown and listed < total.value:
            flags.append(
                Flag(
                    "proactive_breakdown_under_total",
                    f"以“其中”列出的主动公开分类之和 {_fmt(listed)} 小于所述总数 {_fmt(total.value)} ({terms})",
                    metric_id="proactive_items",
                )
            )
    return flags


# --- choosing among candidates --------------------------------------------------------------------


def _resolve(candidates: list[Candidate]) -> tuple[list[Fact], list[Flag]]:
    by_metric: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_metric.setdefault(c.metric_id, []).append(c)
    facts, flags = [], []
    for metric_id, group in by_metric.items():
        values = {c.value for c in group}
        if len(values) > 1:
            strong = [c for c in group if c.strong]
            # A negation's zero (note: how it was said) against a count: the text contradicts itself.
            if any(c.value == 0 and c.note for c in strong):
                strong = []
            if strong and len({c.value for c in strong}) == 1:
                group = strong
            else:
                listed = ", ".join(sorted({_fmt(v) for v in values}))
                flags.append(
                    Flag(
                        "ambiguous_prose",
                        f"the text gives several values for {metric_id} ({listed}); none kept",
                        metric_id=metric_id,
                    )
                )
                continue
        chosen = group[0]
        facts.append(
            Fact(
                metric_id,
                chosen.value,
                evidence=chosen.evidence,
                approximate=any(c.approximate for c in group if c.value == chosen.value),
                note=chosen.note,
            )
        )
    return facts, flags


def stated_counts(text: str, year: int | None, wanted: frozenset[str]) -> list[Fact]:
    """The counts the prose states of the metrics `wanted`, chosen as extract_legacy_prose chooses
    them, one metric at a time; other metrics' rules are not run (a standard report's overview is
    read for a few counts only, in every report)."""
    candidates = _candidates(sentences(prose(text)), year, wanted)
    facts, _ = _resolve([c for c in candidates if c.metric_id in wanted])
    return facts


def _candidates(
    all_sentences: list[Sentence], year: int | None, wanted: frozenset[str] | None = None
) -> list[Candidate]:
    """Every sentence's candidates; only those of the metrics `wanted`, where given, are sure to be there."""
    count_rules, reason_rules = _rules_for(wanted)
    candidates: list[Candidate] = []
    section = ""
    for before, s in zip([None, *all_sentences], all_sentences, strict=False):
        heading = SECTION_HEADING.match(s.norm)
        if heading:
            section = heading.group()
        candidates.extend(_count_candidates(s, year, count_rules, section))
        candidates.extend(_summed_total_candidates(s, year))
        candidates.extend(_fee_candidates(s, year, before.norm.strip() if before else ""))
        candidates.extend(_zero_candidates(s))
        candidates.extend(_reason_candidates(s, reason_rules))
    return candidates


@functools.cache
def _rules_for(wanted: frozenset[str] | None) -> tuple[tuple[Rule, ...], tuple[tuple[str, re.Pattern], ...]]:
    if wanted is None:
        return COUNT_RULES, REASON_RULES
    return (
        tuple(rule for rule in COUNT_RULES if rule.metric_id in wanted),
        tuple((metric_id, pattern) for metric_id, pattern in REASON_RULES if metric_id in wanted),
    )


def _without_outcomes_of_no_request(facts: list[Fact]) -> list[Fact]:
    """Where the report says no request came, a count of information not disclosed (不予公开信息有10条)
    counts documents the agency kept back, not answers to requests."""
    if not any(f.metric_id == "requests_new" and f.value == 0 for f in facts):
        return facts
    return [f for f in facts if not (f.metric_id in REQUEST_OUTCOMES and f.value)]


def _staff_of_one_kind(facts: list[Fact], norm: str) -> list[Fact]:
    """The staff total where the report counts one kind of staff and never names the other (STAFF_KINDS)."""
    have = {f.metric_id: f for f in facts}
    if "staff_total" in have:
        return []
    counted = [kind for kind in STAFF_KINDS if kind in have]
    if len(counted) != 1:
        return []
    other = next(kind for kind in STAFF_KINDS if kind != counted[0])
    if STAFF_KINDS[other].search(norm):
        return []
    only = have[counted[0]]
    sentence = _normalize(only.evidence)
    if SUBSET in sentence or len(PERSON_COUNT.findall(sentence)) != 1:
        return []
    note = "the only kind of staff the report names"
    return [Fact("staff_total", only.value, evidence=only.evidence, approximate=only.approximate, note=note)]


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def extract_legacy_prose(doc: Document, meta: Metadata) -> tuple[list[Fact], list[Flag]]:
    text = prose(doc.text)
    all_sentences = sentences(text)
    year = meta.year
    candidates = _candidates(all_sentences, year)
    if not any(c.metric_id == "requests_new" for c in candidates):
        candidates += [c for s in all_sentences for c in _count_candidates(s, year, HANDLED_REQUESTS)]
    facts, flags = _resolve(candidates)
    facts = _without_outcomes_of_no_request(facts)
    facts += _staff_of_one_kind(facts, text.norm)
    total = next((f for f in facts if f.metric_id == "proactive_items"), None)
    lists = _category_lists(text, all_sentences, total, year)
    facts += [f for lst in lists for f in lst.facts]
    if total is not None:
        flags += category_flags(total, lists)
    return facts, flags
