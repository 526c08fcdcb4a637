"""Figures stated in sentences, as the 2008-2014 reports give them (and as any report's prose does).

Every figure must sit right after the words that name it (主动公开政府信息1,236条, 受理申请9件,
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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from metrics.models import Document, Fact, Flag, Metadata
from metrics.normalize import to_simplified
from metrics.numbers_zh import (
    APPROX_AFTER,
    APPROX_AFTER_UNIT,
    APPROX_BEFORE,
    ARABIC,
    NUMBER,
    ZH_NUMERAL_CHARS,
    parse_quantity,
    to_10k_yuan,
)

PROACTIVE_CATEGORY = "proactive_category"

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x201C: 0x22, 0x201D: 0x22, 0x2018: 0x27, 0x2019: 0x27, 0xA0: 0x20})


def _normalize(text: str) -> str:
    """Simplified characters and ASCII digits/punctuation; 、 and 。 stay, so lists keep their shape."""
    return to_simplified(text.translate(_FULLWIDTH))


# --- sentences ------------------------------------------------------------------------------------

# Lines are joined before normalising, so full-width marks count too.
_LINE_END = "。！？；：!?;:"
_SHORT_LINE = 8


def _join_broken_lines(text: str) -> str:
    """Rejoin lines that a PDF or scraper broke mid-sentence ('2011\\n年\\n1\\n月'), keep real breaks."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if out and out[-1] != "\n":
                out.append("\n")
            continue
        if out and out[-1] != "\n":
            prev = out[-1]
            if prev[-1] not in _LINE_END and (len(prev) <= _SHORT_LINE or len(line) <= _SHORT_LINE):
                out[-1] = prev + line
                continue
            out.append("\n")
        out.append(line)
    return "".join(out)


_SENTENCE_SPLIT = re.compile(r"[^。!?;\n]+")
# A passage keeps its semicolons (lists run over them) and its closing mark, which shows it is whole.
_PASSAGE_SPLIT = re.compile(r"[^。!?\n]+[。!?]?")
# Some mirrored pages print the pinyin after characters ('報(bào)告', '數(shù)量'), which splits every word.
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def strip_ruby(text: str) -> str:
    """'數(shù)量' -> '數量': pinyin annotations dropped, nothing else touched."""
    return _RUBY.sub("", text)


@dataclass(frozen=True)
class Sentence:
    norm: str  # what the patterns read
    original: str  # the evidence shown to the user


# Word-processor exports space out words and figures ('政府信息数 2030 条', '信 息'); Chinese never
# needs those spaces, and dropping them never joins two numbers.
_LAYOUT_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \u3000\xa0]+(?=[\u4e00-\u9fff\d])|(?<=\d)[ \u3000\xa0]+(?=[\u4e00-\u9fff])"
)


def sentences(text: str) -> list[Sentence]:
    return _pieces(text, _SENTENCE_SPLIT)


def passages(text: str) -> list[Sentence]:
    """Runs of text up to a full stop or line break, semicolons kept: '160条,其中,综合政务59条;人事1条。'"""
    return _pieces(text, _PASSAGE_SPLIT)


def _pieces(text: str, split: re.Pattern[str]) -> list[Sentence]:
    joined = _LAYOUT_SPACE.sub("", _join_broken_lines(strip_ruby(text)))
    norm = _normalize(joined)
    same_shape = len(norm) == len(joined)
    out = []
    for m in split.finditer(norm):
        piece = m.group().strip()
        if len(piece) < 4:
            continue
        original = joined[m.start() : m.end()].strip() if same_shape else piece
        out.append(Sentence(piece, original))
    return out


# A year of 19xx/20xx that a figure's clause names: another year's figure is not the report's.
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


# --- patterns -------------------------------------------------------------------------------------

# The number with its approximation words; the lookbehind stops us starting mid-number.
_N = (
    rf"(?<![\d.,{ZH_NUMERAL_CHARS}])(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})"
    rf"(?P<after>{APPROX_AFTER})?"
)
# Words allowed between a label and its number (共受理申请共计9件, 信息数为12条).
_CONN = r"(?:共计|合计|总计|累计|总共|达到|一共|共|达|为|计|是|有)?(?:为|达)?"
_Q = r'"?(?:的)?"?'  # “同意公开”的7件
_ITEM_UNIT = r"(?:条|篇|件|项|份|个)"
_REQUEST_UNIT = r"(?:件|条|宗|个|份|项|例|人次|次|起)"
_CASE_UNIT = r"(?:件|起|宗|例|次|个)"
_EVENT_UNIT = r"(?:次|场|期)"
_TAIL = rf"(?P<unit_after>{APPROX_AFTER_UNIT})?"
_GAP = r"[^,;:。!?()\d]"  # label words may be separated by other words, never by punctuation or digits

# A count that opens a list item ('其中4件…', ',1件…'), and the units such an item counts in. The comma
# must follow a non-digit, so '1,236件' is never read from its second group.
_ITEM_START = r"(?:(?<=\D,)|(?<=[、;:])|(?<=其中))"
_ITEM_N = rf"(?P<before>{APPROX_BEFORE})?(?P<num>{NUMBER})(?P<after>{APPROX_AFTER})?"
_LIST_UNIT = r"(?:件|条|宗|份|个|项)"

_NEG = r"(?:没有|并未|均未|未曾|从未|尚未|还未|未有|未|没|无(?![法论偿需须条限]))"


@dataclass(frozen=True)
class Rule:
    metric_id: str
    trigger: str  # a literal the sentence must contain before the regex runs (speed)
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None  # the sentence must also match this


def _rule(metric_id: str, trigger: str, pattern: str, context: str = "") -> Rule:
    return Rule(metric_id, trigger, re.compile(pattern), re.compile(context) if context else None)


_COUNT_RULES: tuple[Rule, ...] = (
    # 主动公开政府信息1,236条 / 主动公开了涉公安政府信息120条 / 2009年新增的主动公开政府信息94条 /
    # 主动公布政府信息有71条 / 主动公开政务信息(包括…等栏目)共计76855条: an aside in brackets may
    # stand between the label and its total.
    _rule(
        "proactive_items",
        "主动",
        rf"(?<!应)主动(?:向社会|向公众|对外)?(?:公开|公布)(?:了)?(?P<mid>{_GAP}{{0,8}}?)(?:政府)?信息(?:的)?"
        rf"(?:件数|条数|数|数量|总数|总量)?(?:\([^()]{{0,80}}\))?{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 全年公开政府信息356条 / 我局共公开政府信息356条; plain 信息 is too often one topic's items
    _rule(
        "proactive_items",
        "公开",
        rf"(?:全年|(?:全年|本年|今年|本年度|年内|我\w{{1,2}}|本\w{{1,2}})(?:共|累计|共计|总共))(?:向社会)?公开(?:各类)?政府信息"
        rf"{_CONN}{_N}{_ITEM_UNIT}{_TAIL}",
    ),
    # 共受理信息公开申请10件 / 受理收到政府信息公开申请0条 / 收到申请数为5件
    _rule(
        "requests_new",
        "申请",
        rf"(?:受理|收到|接到|接收|新收)(?:了|到)?(?P<mid>[^,;:。!?()\d]{{0,20}}?)申请(?!人)(?:事项|件|表|书|数|数量|总数|总量)?"
        rf"{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    # 共受理了3件政府信息公开申请
    _rule(
        "requests_new",
        "申请",
        rf"(?:受理|收到|接到|接收|新收)(?:了|到)?(?:共|共计)?{_N}(?:件|份|个|宗|起)(?P<mid>[^,;:。!?()\d]{{0,12}}?)申请(?!人|行政复议|复议)",
    ),
    # 全年受理依申请公开9件
    _rule(
        "requests_new",
        "依申请公开",
        rf"(?:受理|收到|接到)(?:了)?{_GAP}{{0,6}}?依申请公开(?:政府信息|信息)?(?:申请)?(?:事项)?{_CONN}{_N}{_REQUEST_UNIT}{_TAIL}",
    ),
    _rule("requests_in_person", "当面", rf"当面(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule(
        "requests_online", "申请", rf"(?:网上|网络|在线)(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"
    ),
    _rule("requests_letter", "信函", rf"信函(?:申请|提交|提出)?(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule("requests_fax", "传真", rf"传真(?:申请|提交|提出)(?:的)?{_CONN}{_N}{_REQUEST_UNIT}"),
    # 在已经答复的9件申请中 / 已答复申请9件
    _rule(
        "outcome_total", "答复", rf"已(?:经)?(?:全部)?答复(?:了)?(?:的)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}"
    ),
    # 受理申请13件,答复13件: a bare 答复 count right after the requests received answers them
    _rule(
        "outcome_total",
        "答复",
        rf"(?<=,)(?:均|全部)?答复(?:了)?{_CONN}{_N}{_REQUEST_UNIT}",
        context=rf"(?:受理|收到|接到)[^,;:。!?]{{0,20}}申请[^,;:。!?]{{0,4}}?{_N}{_REQUEST_UNIT},(?:均|全部)?答复",
    ),
    # “同意公开”的7件 / 其中同意公开7件 / 予以公开3件
    _rule(
        "outcome_granted",
        "公开",
        rf"(?<![不部])(?:同意公开|予以公开|准予公开|全部公开){_Q}(?:答复)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    # 依申请公开政府信息9条,不予公开政府信息1条: set against a refusal, it is what was disclosed on
    # application; alone it may as well count the requests handled, so it is not read.
    _rule(
        "outcome_granted",
        "依申请公开",
        rf"(?<!受理)(?<!收到)(?<!接到)(?<!受理了)依申请公开(?:了)?(?:政府)?信息{_CONN}{_N}(?:条|件){_TAIL}",
        context=rf"(?:不予公开|不同意公开){_Q}(?:政府)?(?:信息)?{_CONN}{_N}",
    ),
    _rule(
        "outcome_partial",
        "部分公开",
        rf"(?<![大及和与、])部分公开{_Q}(?:答复)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "outcome_denied",
        "公开",
        rf"(?:不予公开|不同意公开|不予以公开|不公开){_Q}(?:答复)?(?:政府信息|信息)?(?:申请)?{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "unable_not_held",
        "信息",
        rf"(?:(?:申请)?(?:的)?(?:政府)?信息不存在|不掌握(?:相关)?(?:政府)?信息){_Q}{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule(
        "outcome_not_this_agency",
        "本",
        rf"(?:非本(?:行政)?(?:机关|单位|部门|局)|不属于本(?:行政)?(?:机关|单位|部门|局))"
        rf"(?:公开|职责|掌握|负责公开)?(?:范围)?(?:的)?(?:政府)?(?:信息)?(?:公开)?(?:范围)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    # 其中4件不属于本行政机关公开范围,1件信息不存在: the count before the outcome, as a list item.
    _rule(
        "outcome_not_this_agency",
        "本",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为|属于)?(?:非本|不属于本)(?:行政)?(?:机关|单位|部门|局)",
    ),
    _rule(
        "unable_not_held", "存在", rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:的)?(?:政府)?信息不存在"
    ),
    _rule(
        "outcome_granted",
        "公开",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:同意公开|予以公开|全部公开)",
    ),
    _rule(
        "outcome_partial", "部分公开", rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:同意)?部分公开"
    ),
    _rule(
        "outcome_denied",
        "公开",
        rf"{_ITEM_START}{_ITEM_N}{_LIST_UNIT}(?:申请)?(?:为)?(?:不予公开|不同意公开)",
    ),
    _rule(
        "outcome_already_public",
        "已主动公开",
        rf"已主动公开(?:范围)?(?:的)?(?:政府)?(?:信息)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}",
    ),
    _rule("outcome_told_to_amend", "更改补充", rf"告知(?:作出)?更改补充{_Q}{_CONN}{_N}{_REQUEST_UNIT}"),
    _rule("outcome_other_channel", "其他途径", rf"告知通过其他途径(?:办理)?{_Q}{_CONN}{_N}{_REQUEST_UNIT}"),
    # 行政复议案0件 / 申请行政复议1件 / 行政诉讼案件2起
    _rule("review_total", "复议", rf"(?:行政)?复议(?:案件|案|申请)?(?:数|数量)?{_CONN}{_N}{_CASE_UNIT}"),
    _rule("litigation_total", "诉讼", rf"(?:行政)?诉讼(?:案件|案)?(?:数|数量)?{_CONN}{_N}{_CASE_UNIT}"),
    _rule(
        "complaints_total",
        "投诉",
        rf"(?:举报投诉|投诉举报|投诉)(?:案件)?(?:数|数量)?{_CONN}{_N}{_CASE_UNIT}",
        context=r"信息公开|公开工作",
    ),
    # 召开听证会2次 / 举行2次听证会
    _rule("hearings", "听证", rf"听证(?:会)?{_CONN}{_N}{_EVENT_UNIT}"),
    _rule("hearings", "听证", rf"(?:召开|举行|举办|组织)(?:了)?{_N}{_EVENT_UNIT}听证"),
    _rule("press_conferences", "发布会", rf"新闻发布会{_CONN}{_N}{_EVENT_UNIT}"),
    _rule("press_conferences", "发布会", rf"(?:召开|举行|举办)(?:了)?{_N}{_EVENT_UNIT}新闻发布会"),
)

# 依申请公开收取的费用(检索费、邮寄费、复制费等)为0元 / 收取费用0.5万元
_FEE_AMOUNT = re.compile(
    rf"(?:收取|收费|费用)[^,;:。!?\d]{{0,24}}?(?:为|共|计|合计)?(?<![\d.])(?P<num>{ARABIC})\s*(?P<money>万元|元)"
)
_FEE_CONTEXT = re.compile(r"申请|检索|复制|邮寄|信息公开")
_FEE_OTHER_MONEY = re.compile(r"经费|预算|建设|运维|维护|采购|资金|补贴")
# 未收过任何费用 / 没有收费及减免的情况 / 未涉及政府信息公开的收费 / 未向申请人收取费用
_FEE_NONE = re.compile(
    rf"(?:{_NEG}|不)(?P<whom>向申请人)?(?:(?:收取|收过|涉及|发生|产生|进行|存在|有)过?(?:任何)?[^,;:。!?\d]{{0,16}}?)?"
    rf"(?:收费|费用|收取)(?!通知|标准|依据)"
)

# 对申请公开政府信息暂免收费: fees waived, so none were collected.
_FEE_WAIVED = re.compile(r"(?:暂免|免于|免予|免除|一律免)收(?:取)?费")

# Negated events: 未发生行政复议和行政诉讼, 没有接到…申请. Scope runs to the clause end.
_NONE_EVENT = re.compile(
    rf"{_NEG}(?:(?:发生|出现|收到|接到|受理|产生|引发|引起|接收|有|因|针对)过?"
    rf"|(?=行政复议|行政诉讼|复议|诉讼|投诉|举报|依申请|政府信息公开申请))(?P<scope>[^,;:。!?\d]{{0,40}})"
)
# A negation that only states a condition or a right is not a report that nothing happened.
_CONDITIONAL = re.compile(r"可以|可|依法|有权|权利|途径|渠道|如果|如|若|告知|申请人")
# 未发生被行政复议纠错 says how cases ended, not that there were none.
_CASE_RESULT = re.compile(r"纠错|纠正|败诉|撤销|确认违法|维持|驳回")
_REQUEST_SCOPE = re.compile(r"申请(?!人|行政复议|复议|书|表)|依申请公开")
# '四、行政复议、行政诉讼情况:无' or a heading whose next line is only '无'.
_NONE_UNDER_HEADING = re.compile(r"^(?P<topic>[^:]{2,60}?(?:情况|事项|:))\s*:?\s*(?:无|没有|均无|为零)$")
# 复议和诉讼均为0 / 被申请行政复议、提起行政诉讼的案件0件: one zero for both kinds of case.
_BOTH_ZERO = re.compile(
    r"(?:行政)?复议[^,;:。!?\d]{0,12}?(?:行政)?诉讼(?:[^,;:。!?\d]{0,10}?(?:均|都|皆)(?:为|是)?"
    r"|(?:的)?(?:案件|案)(?:数|数量)?(?:为|共)?)(?:零|0)(?![\d.])"
)

# Signs that a figure counts all years, not the report year.
# 到年底累计 counts up to the year's end from the start, like 截至年底.
_CUMULATIVE = re.compile(r"历年|截至|截止|至今|迄今|以来|累积|(?:到|至)(?:\d{4})?年?年底")
_SINCE = {"以来", "至今"}
_FRESH = re.compile(r"本年|今年|全年|当年|新增|年度内|本年度")
_OTHER_YEAR = re.compile(r"上年|去年|上一年|前年|同期")
_TOTAL_WORDS = re.compile(r"共|全年|合计|总计|总共|全部|累计")
_SUBSET = "其中"
# Figures that a 其中 earlier in the sentence would make a part of something else.
_TOTALS_ONLY = {"proactive_items", "requests_new", "press_conferences", "hearings"}
# 主动公开54条、依申请公开316条、不予公开13条 classifies documents by disclosure attribute: no requests there.
_PUBLICITY_ATTRIBUTES = re.compile(r"主动公开[^,;:。\d]{0,6}\d")
_REQUEST_OUTCOMES = {"outcome_granted", "outcome_denied", "outcome_partial"}


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
    at = norm.rfind(_SUBSET, 0, start)
    return at >= 0 and not _FRESH.search(norm, at, start)


def _years_elsewhere(text: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in _YEAR.findall(text))


def _cumulative_before(norm: str, start: int, year: int | None) -> bool:
    """历年 / 截至 / 以来 before the figure, unless a 本年-like word restarts the count after it.

    '自2008年5月1日以来' in the 2008 report starts within the report year, so it is the year's count.
    """
    prefix = norm[:start]
    fresh = [m.end() for m in _FRESH.finditer(prefix)]
    scope = prefix[fresh[-1] :] if fresh else prefix
    m = _CUMULATIVE.search(scope)
    if m is None:
        return False
    if m.group() in _SINCE:
        years = _YEAR.findall(scope[: m.start()])
        return not (year is not None and years and int(years[-1]) == year)
    return True


def _count_candidates(s: Sentence, year: int | None) -> Iterator[Candidate]:
    for rule in _COUNT_RULES:
        if rule.trigger not in s.norm or (rule.context is not None and not rule.context.search(s.norm)):
            continue
        for m in rule.pattern.finditer(s.norm):
            candidate = _candidate_from_match(rule, m, s, year)
            if candidate is not None:
                yield candidate


def _candidate_from_match(rule: Rule, m: re.Match[str], s: Sentence, year: int | None) -> Candidate | None:
    quantity = parse_quantity(f"{m.group('before') or ''}{m.group('num')}{m.group('after') or ''}")
    if quantity is None:
        return None
    clause = _clause_before(s.norm, m.start()) + m.group()
    if rule.metric_id in _TOTALS_ONLY and _is_subset(s.norm, m.start()):
        return None
    if rule.metric_id in _REQUEST_OUTCOMES and _PUBLICITY_ATTRIBUTES.search(s.norm):
        return None
    mid = m.groupdict().get("mid") or ""
    if re.search(r"复议|诉讼|投诉|举报|咨询|增|减|比|较", mid):
        return None
    if _OTHER_YEAR.search(clause) or _years_elsewhere(clause, year):
        return None
    if quantity.value and _cumulative_before(s.norm, m.start(), year):
        return None
    approximate = quantity.approximate or bool(m.groupdict().get("unit_after"))
    return Candidate(
        rule.metric_id, quantity.value, approximate, s.original, strong=bool(_TOTAL_WORDS.search(clause))
    )


def _fee_candidates(s: Sentence, year: int | None) -> Iterator[Candidate]:
    if "费" not in s.norm or not _FEE_CONTEXT.search(s.norm):
        return
    for m in _FEE_AMOUNT.finditer(s.norm):
        clause = _clause_before(s.norm, m.start()) + m.group()
        if _FEE_OTHER_MONEY.search(clause) or _OTHER_YEAR.search(clause) or _years_elsewhere(clause, year):
            continue
        value = to_10k_yuan(float(m.group("num").replace(",", "")), m.group("money"))
        yield Candidate("request_fees_10k_yuan", value, False, s.original, strong=True)
    if _FEE_WAIVED.search(s.norm):
        yield Candidate(
            "request_fees_10k_yuan", 0, False, s.original, strong=True, note="stated that fees are waived"
        )
    for m in _FEE_NONE.finditer(s.norm):
        # 申请人 marks a condition ('申请人可以…'), except as the one charged: 未向申请人收取费用.
        words = m.group().replace("向申请人", "", 1) if m.group("whom") else m.group()
        if not _CONDITIONAL.search(words) and not _FEE_OTHER_MONEY.search(words):
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
    if "诉讼" in scope:
        yield Candidate("litigation_total", 0, False, s.original, strong=True, note=note)
    if "投诉" in scope and "公开" in s.norm:
        yield Candidate("complaints_total", 0, False, s.original, strong=True, note=note)
    if (
        "复议" not in scope
        and "诉讼" not in scope
        and _REQUEST_SCOPE.search(scope)
        and not re.search(r"投诉|举报|咨询", scope)
    ):
        yield Candidate("requests_new", 0, False, s.original, strong=True, note="stated that no request came")


def _zero_candidates(s: Sentence) -> Iterator[Candidate]:
    """未发生行政复议和行政诉讼 -> review 0, litigation 0; '行政复议、行政诉讼情况:无' likewise."""
    if _BOTH_ZERO.search(s.norm):
        for metric_id in ("review_total", "litigation_total"):
            yield Candidate(metric_id, 0, False, s.original, strong=True, note="stated as zero")
    for m in _NONE_EVENT.finditer(s.norm):
        scope = m.group("scope")
        if not _CONDITIONAL.search(scope) and not _CASE_RESULT.search(scope):
            yield from _zeros_in_scope(scope, s, "stated that none occurred")
    m = _NONE_UNDER_HEADING.match(s.norm)
    if m and not _CASE_RESULT.search(m.group("topic")):
        topic = m.group("topic")
        yield from _zeros_in_scope(topic, s, "heading answered with 无")
        if re.search(r"收费|费用", topic):
            yield Candidate(
                "request_fees_10k_yuan", 0, False, s.original, strong=True, note="heading answered with 无"
            )


# --- denial reasons -------------------------------------------------------------------------------

_DENIAL_REASONS = (
    ("denied_state_secret", r"国家秘密"),
    ("denied_commercial_secret", r"商业秘密"),
    ("denied_privacy", r"个人隐私"),
    ("denied_security_stability", r"(?:危及|影响)[^,;:。!?\d]{0,20}?稳定"),
    ("denied_not_gov_info", r"不是(?:《条例》|条例)?所指(?:的)?政府信息|不属于政府信息"),
)
_REASON_RULES = tuple(
    (metric_id, re.compile(rf"(?:涉及|属于|因)?{words}{_Q}(?:信息)?{_CONN}{_N}{_REQUEST_UNIT}"))
    for metric_id, words in _DENIAL_REASONS
)
_DENIAL_WORDS = re.compile(r"不予公开|不同意公开|不公开")


def _reason_candidates(s: Sentence) -> Iterator[Candidate]:
    if not _DENIAL_WORDS.search(s.norm):
        return
    for metric_id, pattern in _REASON_RULES:
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

# A name may run over 、 inside a list (人口计划和生育、妇女儿童28条); lists split at 、 never show one.
_CATEGORY_ITEM = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff\"《》][\u4e00-\u9fff\"《》、]{{1,19}}?){_N}(?P<unit>条|篇|件|期|项|份)$"
)
_CATEGORY_VERB = re.compile(r"^.*(?:公开|发布)(?:了)?")
# Requests, cases, channels and changes are not kinds of published information; nor, in a loose list,
# are events (召开会议3期), though a total's breakdown may name their information (重要工作会议22条).
_NOT_INFORMATION = (
    r"申请|不予|不同意|复议|诉讼|投诉|咨询|发布会|访谈|网站|网|微博|微信|公报|媒体|报纸|电视|平台|栏|"
    r"增|减|比|累计"
)
_NOT_IN_BREAKDOWN = re.compile(_NOT_INFORMATION)
_NOT_A_CATEGORY = re.compile(rf"{_NOT_INFORMATION}|会议|培训|听证")
# The stated total itself (主动公开政府信息数22条) is no category.
_GENERIC_NAME = re.compile(r"^(?:主动公开|公开|政府)*信息(?:的)?(?:数|数量|总数|总量)?$")
_PERCENT_CLAUSE = re.compile(r"^[^\d]*\d+(?:\.\d+)?%$")
_CLAUSE_SPLIT = re.compile(r"[,、:]")
# The breakdown of a stated total: 其中 right after its figure, items up to the full stop.
_BREAKDOWN_OPENING = re.compile(r",?其中[,:]?")
_BREAKDOWN_SPLIT = re.compile(r"[,;、]")
_SENTENCE_END = ("。", "!", "?")


@dataclass(frozen=True)
class CategoryList:
    facts: list[Fact]
    whole_breakdown: bool  # printed as the stated total's 其中, every clause an item, up to the full stop


def _category_name(clause: str, first: bool) -> str:
    name = _CATEGORY_VERB.sub("", clause) if first else clause
    return re.sub(r"^(?:其中|包括|主要有|有|的)+", "", name)


def _category_item(body: str, clause: str, excluded: re.Pattern[str]) -> tuple[str, float, bool] | None:
    """'工作动态信息119条' -> (name, value, approximate), unless the clause names no kind of information."""
    m = _CATEGORY_ITEM.match(body)
    if m is None or excluded.search(clause) or _GENERIC_NAME.match(m.group("name").strip('"')):
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
    if not re.search(r"公开|发布", s.norm) or _CUMULATIVE.search(s.norm) or _years_elsewhere(s.norm, year):
        return []
    items: list[tuple[str, float, bool]] = []
    best: list[tuple[str, float, bool]] = []
    for clause in _CLAUSE_SPLIT.split(s.norm):
        clause = clause.strip()
        if _PERCENT_CLAUSE.match(clause):
            continue
        first = not items
        item = _category_item(_category_name(clause, first), clause, _NOT_A_CATEGORY)
        if item and (not first or _CATEGORY_VERB.match(clause)):
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
    for piece in _BREAKDOWN_SPLIT.split(text.rstrip("".join(_SENTENCE_END))):
        piece = piece.strip()
        if _PERCENT_CLAUSE.match(piece):  # 占总体比例的12.4%
            continue
        if not piece or _SUBSET in piece:
            return items, False  # a subset (其中主站采用15条) or an empty clause ends the list
        joined = f"{pending}、{piece}" if pending else piece
        item = _category_item(joined, joined, _NOT_IN_BREAKDOWN)
        if item:
            items.append(item)
            pending = ""
        elif re.search(r"\d", piece):
            return items, False  # a figure that counts no kind of information ends the list
        else:
            pending = joined
    return items, text.endswith(_SENTENCE_END) and not pending


def _breakdowns(p: Sentence, total: float, year: int | None) -> Iterator[CategoryList]:
    """Lists opened by 其中 right after the figure stated as the year's total (160条,其中,综合政务59条;…)."""
    ends = set()
    for rule in _COUNT_RULES:
        if rule.metric_id != "proactive_items" or rule.trigger not in p.norm:
            continue
        for m in rule.pattern.finditer(p.norm):
            candidate = _candidate_from_match(rule, m, p, year)
            if candidate is not None and candidate.value == total:
                ends.add(m.end())
    for end in sorted(ends):
        opening = _BREAKDOWN_OPENING.match(p.norm, end)
        if opening is None:
            continue
        items, whole = _breakdown_items(p.norm[opening.end() :])
        if len(items) >= 2:  # one item after 其中 is a subset (其中线上信息公开15条), not a breakdown
            yield CategoryList(_category_facts(items, p.original, ", 其中 of the stated total"), whole)


def _category_lists(
    text: str, all_sentences: list[Sentence], total: Fact | None, year: int | None
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


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def extract_legacy_prose(doc: Document, meta: Metadata) -> tuple[list[Fact], list[Flag]]:
    all_sentences = sentences(doc.text)
    year = meta.year
    candidates: list[Candidate] = []
    for s in all_sentences:
        candidates.extend(_count_candidates(s, year))
        candidates.extend(_fee_candidates(s, year))
        candidates.extend(_zero_candidates(s))
        candidates.extend(_reason_candidates(s))
    facts, flags = _resolve(candidates)
    total = next((f for f in facts if f.metric_id == "proactive_items"), None)
    lists = _category_lists(doc.text, all_sentences, total, year)
    facts += [f for lst in lists for f in lst.facts]
    if total is not None:
        flags += category_flags(total, lists)
    return facts, flags
