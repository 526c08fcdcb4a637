"""How a standard report's overview says its requests were answered, for a file without section 三.

An overview may break the year's requests down by outcome ('收到依申请公开信息171条,其中:予以公开4条,
不予公开(三类内部事务信息)2条,不予处理(无正当理由大量反复申请)165条'), in the sentence that counts
them or in the next ('共收到8份申请。其中,予以公开2件,…,本办不掌握相关政府信息2件,其他1件'; '在已答复的
信件中,予以公开7件,…'). Outcome words also describe documents (公文…不予公开13条), so such a breakdown is
read only when every item of it names a row of section 三 and its top rows add up to the requests
counted, or to the requests answered; an item naming a sub-row (in its words or a note in brackets)
gives that sub-row its count and its top row the sum of its sub-rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from metrics.catalog import metrics
from metrics.models import Fact
from metrics.normalize import compact, join_wrapped_words, normalize
from metrics.numbers_zh import NUMBER, parse_quantity
from metrics.templates.legacy_prose import REQUEST_CHANNEL
from metrics.templates.standard import (
    DECISIONS_BY_NAME,
    OVERVIEW_COUNTS,
    SECTION3_ROWS,
    STD2019,
    STD2021,
    OverviewCount,
)

# The top rows of 三、本年度办理结果: the rows its 总计 is declared the sum of.
_OUTCOMES = metrics()["outcome_total"].sum_of
# Where a breakdown of the requests begins: 其中, 处理结果中, 在已答复的(信件)中, 在已经答复的91件申请中,
# 办结的76件中, 在办理结果方面, 办理结果如下, 具体处理结果为, 答复类型为.
_BREAKDOWN = re.compile(
    r"其中|处理结果中|已?(?:经)?(?:答复|办结)的(?:\d+件)?[\u4e00-\u9fff]{0,4}中"
    r"|从?(?:办理|处理|答复)(?:结果|类型)(?:如下|看|来看|为|是|方面)"
)
# How a request came, opening the list before the outcomes: no outcome.
_CHANNEL = re.compile(rf"(?:通过)?(?:{REQUEST_CHANNEL.pattern})(?:方式)?(?:申请|提交|提出)\d+(?:件|条)")
# An item's share of the requests after its count ('不予公开32件、占24.6%', '(占比20%)'): no count of its own.
_SHARE = re.compile(r"[、,]?\(?(?:约|大约)?占(?:比|总数的?)?\d+(?:\.\d+)?\s*%\)?")
# '予以公开或部分公开59件': two top rows in one count, which the total holds but neither row alone.
_GRANTED_OR_PARTLY = re.compile(r"(?:予以)?(?:全部)?公开(?:或|和|及|与|、)(?:予以)?部分公开")
# '同意公开答复4件': an outcome may be named as the answer given, as the 2015 table's rows name them, or
# by what was given ('无法提供的政府信息1件').
_ITEM = re.compile(
    r"^(?:因|对)?(?P<label>[\u4e00-\u9fff]{2,24}?)(?:\((?P<note>[^()]{2,40})\))?(?:的)?(?:政府信息|信息)?"
    r"(?:答复)?(?:申请)?(?:有|为)?"
    r"(?P<num>\d+)\s*(?:件|条|个|项|份|起|宗)(?:\((?P<after>[^()]{2,40})\))?$"
)
# An item that counts first ('4件为不予公开', '处理结果1件为不予处理'), with _ITEM's groups (no words after).
_ITEM_COUNT_FIRST = re.compile(
    r"^(?:处理结果)?(?P<num>\d+)\s*(?:件|条|个|项|份|起|宗)(?:为|是|系|属于)?(?P<label>[\u4e00-\u9fff]{2,24}?)"
    r"(?:\((?P<note>[^()]{2,40})\))?(?P<after>)$"
)


def overview_outcomes(
    requests: Fact,
    overview: str,
    fmt: str,
    answered: Fact | None = None,
    carried_counts: dict[str, float | None] | None = None,
    year: int | None = None,
) -> list[Fact]:
    """The outcome counts of the overview's breakdown of the year's requests (`requests` as read from
    the overview; `answered`, the requests it says were answered, if it says so; `carried_counts`, the
    requests it says were carried over and forward, where it says so; `year`, the report's, which a
    list's item carrying requests into the next year may name), or none when it gives no complete
    breakdown. An item naming a sub-row that the report's layout lacks (the 2021 layout's
    其他处理 rows, in a 2019 report) counts for its top row alone."""
    if requests.value is None:
        return []
    sums = {requests.value} | ({answered.value} if answered and answered.value is not None else set())
    over, forward = ((carried_counts or {}).get(f"requests_carried_{k}") for k in ("over", "forward"))
    if over is not None:
        # 收到申请92件、上年结转2件。其中,予以公开19件,…,结转下年度继续办理9件: a list naming those carried
        # forward too adds up to the new and carried over.
        sums.add(requests.value + over)
    if over is not None and forward is not None:
        # 新增298件,上年结转3件,结转下年度45件。其中,…: those answered are the new and carried over, less
        # those carried forward.
        sums.add(requests.value + over - forward)
    # The breakdown follows the sentence counting the requests, or the one counting those answered
    # ('全区答复政府信息公开申请59件。其中,予以公开的16件,…').
    for counted in filter(None, (requests, answered)):
        facts = _breakdown_near(counted, overview, fmt, sums, year=year)
        if facts:
            return facts
    return []


def overview_answered_outcomes(
    answered: Fact, overview: str, fmt: str, year: int | None = None
) -> list[Fact]:
    """The outcome counts of the overview's breakdown of the requests answered, where it counts only
    those ('全区共办结…733件,其中予以公开238件,…,转接下年度办理45件'): the list adds up to them, and the
    requests it carries forward are not among them."""
    return _breakdown_near(answered, overview, fmt, {answered.value}, forward_counted=False, year=year)


def _breakdown_near(
    counted: Fact,
    overview: str,
    fmt: str,
    sums: set[float],
    forward_counted: bool = True,
    year: int | None = None,
) -> list[Fact]:
    """The breakdown in the sentence of the `counted` fact, or else in the next one, of the layout's rows."""
    sentence, following = _whole_and_next(normalize(counted.evidence), overview)
    for text in (sentence, following):
        evidence = counted.evidence if text is sentence else following
        facts = _breakdown(text, sums, evidence, forward_counted, _cut_by_the_end(text, overview), year)
        facts = [f for f in facts if f.metric_id in _ROWS_OF[fmt]]
        if facts:
            return facts
    return []


def is_cut_breakdown(facts: list[Fact]) -> bool:
    """Whether the outcomes are those of a breakdown the text's end cut short (no total among them)."""
    return any(f.note == _CUT_NOTE for f in facts)


def _cut_by_the_end(text: str, overview: str) -> bool:
    """Whether the text runs to the end of the overview with no full stop there: an excerpt that ends
    within the sentence ('…其中予以公开1件,部分公')."""
    norm = normalize(overview).rstrip()
    return bool(text.strip()) and norm.endswith(text.rstrip()) and not norm.endswith((".", "!", "?"))


# The requesters of section 三's columns as an overview lists them ('其中自然人申请219件,商业企业申请55件,
# 社会公益组织申请1件,…'): each kind of legal person or other organisation is one of its columns.
_NATURAL_PERSON = ("自然人", "公民", "个人")
_ORGANISATION = (
    "商业企业",
    "商业机构",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "法人或其他组织",
    "法人和其他组织",
    "其他组织",
    "企业",
    "其他",
)
# '自然人申请219件' / '其中自然人34件,企业1件': the kind, then its count, 申请 or not.
_REQUESTER_ITEM = re.compile(
    rf"^(?P<kind>{'|'.join(_NATURAL_PERSON + _ORGANISATION)})(?:提出)?(?:的)?(?:申请)?(?:件)?(?:共|为)?"
    r"(?P<num>\d+)(?:件|条|宗|份)$"
    # '2件为自然人申请,1件为商业机构申请': the count first.
    rf"|^(?P<num_first>\d+)(?:件|条|宗|份)(?:为|是|系|由)(?P<kind_after>{'|'.join(_NATURAL_PERSON + _ORGANISATION)})"
    r"(?:提出)?(?:的)?(?:申请)?$"
)
# '申请人均为企业': every request an organisation's.
_ALL_ORGANISATIONS = re.compile(r"申请人(?:均|全部|全)为(?:企业|法人|商业企业|法人或其他组织|法人和其他组织)")
# '2条信息申请人均为自然人' / '申请人类别为自然人' / '申请1件(自然人申请)': every request a natural person's.
_ALL_NATURAL_PERSONS = re.compile(
    r"申请人(?:均|全部|全)为自然人|申请人(?:类别|类型)(?:均|全部|全)?为自然人|(?:均|全部)为自然人[^,;.\d]{0,6}?申请"
    r"|均由自然人提出|(?:全部|均)属(?:于)?自然人申请|(?:全部|均)为(?:个人|公民)(?:提出的?)?申请"
    r"|申请主体(?:上看|来看)?,?(?:均|全部)?为自然人|\d(?:件|条)\((?:均为|均系|系)?自然人(?:申请|提出)?\)"
)
# The requests counted as natural persons' in their own words ('收到公民提出公开政府信息申请1件',
# '自然人政府信息公开申请1件', '收到4件居民信息公开申请', '收到2个自然人的政府信息公开申请',
# '收到自然人依申请公开政府信息5件'): every request a natural person's, where that count is the year's.
_COUNTED_AS_NATURAL_PERSONS = re.compile(
    r"(?:公民|自然人|居民)(?:提出|提交)?(?:的)?[^,;.\d]{0,12}?申请(?:公开)?(?:政府信息)?(?:共|为)?(?P<num>\d+)(?:件|条)"
    r"|(?P<num_first>\d+)(?:件|个|名)(?:公民|自然人|居民)(?:提出|提交)?(?:的)?[^,;.\d]{0,12}?申请"
)
# Some requests of an organisation after it ('其中自然人申请24件,其它1件'): the count was not all of them.
_SOME_ORGANISATIONS = re.compile(
    rf"(?:{'|'.join(_ORGANISATION)}|其它|法人|单位)[^,;.\d]{{0,8}}?[1-9]\d*(?:件|条)"
)


# '收到…申请4件,均已按要求及时回复' / '已全部办结,均完全公开': every request of the year answered (and
# granted), where no request is carried from one year to another in the same paragraph.
# A count right before the word for all ('其中2件均按规定程序办结') says all of those, not of the year's.
_COUNT_BEFORE_ALL = r"(?:(?P<num>\d+)(?:件|份|条)[^,;.\d]{0,6}?)?"
_ALL_ANSWERED = re.compile(
    rf"{_COUNT_BEFORE_ALL}(?:均|全部|已全部|均已|全部已)[^,;.\d]{{0,12}}?(?:答复|办结|回复|办理完毕|处理完毕)"
)
_ALL_GRANTED = re.compile(rf"{_COUNT_BEFORE_ALL}(?:均(?:已)?(?:完全|予以|同意)?|全部(?:予以|同意))公开")
_CARRIED = re.compile(r"结转|转结|转入|上年|下年")
_ALL_NOTE = "the overview says every request of the year was answered; the table is not in the file"


def overview_all_answered(requests: Fact, overview: str, carried_over: float | None = None) -> list[Fact]:
    """outcome_total (and outcome_granted) equal to the year's requests, where the sentence counting
    them, or the next, says all were answered (or all granted) and neither speaks of requests carried
    forward (which the answers would not count). Where they speak of requests carried over from last
    year ('全年共新收到…申请12件,上年结转2件,均已依法按期办结'), those are answered too: the total is
    the year's requests and the `carried_over`, which must then be known."""
    if not requests.value:
        return []
    sentence, following = _whole_and_next(normalize(requests.evidence), overview)
    said = sentence + following
    besides_last_years = _LAST_YEARS.sub("", said)
    if _CARRIED.search(besides_last_years):
        return []
    if besides_last_years == said:
        total = requests.value
    elif carried_over is not None:
        total = requests.value + carried_over
    else:
        return []
    # The next sentence speaks of the requests only where it names them ('上述申请已全部按时答复').
    for text in (sentence, following) if "申请" in following else (sentence,):
        granted = _of_all(_ALL_GRANTED, text, total)
        if granted or _of_all(_ALL_ANSWERED, text, total):
            facts = [Fact("outcome_total", total, evidence=text, note=_ALL_NOTE)]
            if granted:
                facts.append(Fact("outcome_granted", total, evidence=text, note=_ALL_NOTE))
            return facts
    return []


# The requests carried over from last year, as named without a year ('上年结转2件', '(包含上年结转3件)'):
# a year printed instead may be the one they go into (2026年结转…, in a 2025 report).
_LAST_YEARS = re.compile(r"(?:上一?年度?|往年)(?:结转|转结)")


# The one request of a year, its outcome said in words after it ('收到政府信息公开申请1件,为本机关不掌握的
# 相关政府信息', '收到1条政府信息公开申请,按有关要求予以公开', '受理…申请1件;答复…申请1件,为部分公开'): the
# outcome's row (and sub-row) count it.
_SINGLE_OUTCOMES = (
    ("outcome_granted", None, re.compile(r"(?<![不分未没])予以公开")),
    ("outcome_partial", None, re.compile(r"部分(?:予以)?公开")),
    ("outcome_unable", "unable_not_held", re.compile(r"本(?:机关|单位|部门|局)?不掌握")),
)
_NUMBER_RUN = re.compile(r"\d+")
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_SINGLE_NOTE = "the overview says what became of the year's one request; the table is not in the file"


def overview_single_outcome(requests: Fact, overview: str) -> list[Fact]:
    """The outcome of the year's one request where the sentence counting it names a single outcome and
    no other count than that one (the year aside; the one answered may be counted too) nor a request
    carried from one year to another."""
    if requests.value != 1:
        return []
    sentence, _ = _whole_and_next(normalize(requests.evidence), overview)
    numbers = [n for n in _NUMBER_RUN.findall(sentence) if not _A_YEAR.fullmatch(n)]
    named = [(top, sub) for top, sub, words in _SINGLE_OUTCOMES if words.search(sentence)]
    if _CARRIED.search(sentence) or set(numbers) != {"1"} or len(named) != 1:
        return []
    top, sub = named[0]
    return [
        Fact(metric_id, 1.0, evidence=sentence, note=_SINGLE_NOTE)
        for metric_id in ("outcome_total", top, sub)
        if metric_id
    ]


def _of_all(pattern: re.Pattern, text: str, requests: float) -> bool:
    """Whether the text says it of all the requests: with no count before the word for all, or with
    the requests' own count ('64件申请均在法定期限内予以答复')."""
    return any(m["num"] is None or float(m["num"]) == requests for m in pattern.finditer(text))


def overview_requesters(requests: Fact, overview: str, stated: list[Fact]) -> list[Fact]:
    """The requests of natural persons and of organisations, where the overview lists the year's
    requests by kind of requester after counting them (or says all came from natural persons) and the
    list adds up to them; none where a count `stated` for one of the two differs."""
    sentence = normalize(requests.evidence)
    following = _next_sentence(sentence, overview)
    if following is None or requests.value is None:
        return []
    said_all = next((text for text in (sentence, following) if _ALL_NATURAL_PERSONS.search(text)), None)
    said_all_organisations = next(
        (text for text in (sentence, following) if _ALL_ORGANISATIONS.search(text)), None
    )
    counted_as_natural = any(
        float(m["num"] or m["num_first"]) == requests.value
        and not _SOME_ORGANISATIONS.search(sentence, m.end())
        for m in _COUNTED_AS_NATURAL_PERSONS.finditer(sentence)
    )
    if said_all is None and counted_as_natural:
        said_all = sentence
    if said_all is not None:
        split, evidence = (requests.value, 0.0), said_all
    elif said_all_organisations is not None:
        split, evidence = (0.0, requests.value), said_all_organisations
    else:
        # The list follows the count in its sentence, or opens the next ('…申请1447件。其中,自然人申请…').
        split, evidence = next(
            (
                (found, text)
                for text in (sentence, following)
                if (found := _requester_list(text, requests.value))
            ),
            (None, ""),
        )
    if split is None:
        return []
    facts = [
        Fact(metric_id, value, evidence=evidence, note=_REQUESTER_NOTE)
        for metric_id, value in zip(
            ("requests_new_natural_person", "requests_new_legal_person"), split, strict=True
        )
    ]
    said = {f.metric_id: f.value for f in stated}
    return [] if any(said.get(f.metric_id, f.value) != f.value for f in facts) else facts


def _requester_list(sentence: str, total: float) -> tuple[float, float] | None:
    """(natural persons, organisations) of a list of requester kinds after 其中, each kind once, that
    adds up to the `total`, or right after the count ('收到…申请3件,2件为自然人申请,1件为商业机构申请');
    the list ends at its first clause that is no such item."""
    for start in filter(None, (_BREAKDOWN.search(sentence), _after_the_count(sentence, {total}))):
        split = _requesters_listed(sentence[start.end() :], total)
        if split is not None:
            return split
    return None


def _requesters_listed(after: str, total: float) -> tuple[float, float] | None:
    counts: dict[str, float] = {}
    for clause in re.split(r"[,;]", join_wrapped_words(_first_sentence(after)).lstrip(" ,:")):
        m = _REQUESTER_ITEM.match(clause.strip(" :"))
        if m is None:
            break
        kind = m["kind"] or m["kind_after"]
        if kind in counts:
            return None
        counts[kind] = float(m["num"] or m["num_first"])
    natural = sum(v for k, v in counts.items() if k in _NATURAL_PERSON)
    organisations = sum(v for k, v in counts.items() if k in _ORGANISATION)
    if len(counts) < 2 or natural + organisations != total:
        return None
    return natural, organisations


_REQUESTER_NOTE = (
    "the overview's requests by kind of requester, which add up to them; the table is not in the file"
)


def _next_sentence(sentence: str, overview: str) -> str | None:
    """The sentence after `sentence` (normalized) in the overview; None where it is not found there."""
    norm = normalize(overview)
    end = _end_in(sentence, norm)
    return None if end is None else _first_sentence(norm[end:].lstrip(".!? "))


def _whole_and_next(sentence: str, overview: str) -> tuple[str, str]:
    """The sentence (normalized) with the rest of its text up to the full stop, and the sentence after
    that ("" where it is not found): prose is split at semicolons too, and a breakdown may go on after
    one ('…12件,予以公开6件;无法提供6件')."""
    norm = normalize(overview)
    end = _end_in(sentence, norm)
    if end is None:
        return sentence, ""
    rest = _first_sentence(norm[end:])
    return sentence + rest, _first_sentence(norm[end + len(rest) :].lstrip(".!? "))


def _end_in(sentence: str, norm: str) -> int | None:
    """Where the sentence ends in the normalized overview. The sentence was read with the lines it
    runs over joined ('(二)依申请公开' then '2023年,…609件' on the next line), so where it is not found
    whole, its last line's worth of words is looked for."""
    at = norm.find(sentence)
    if at >= 0:
        return at + len(sentence)
    tail = sentence[-_TAIL_LENGTH:]
    at = norm.find(tail) if len(sentence) > _TAIL_LENGTH else -1
    return None if at < 0 else at + len(tail)


_TAIL_LENGTH = 16


def _first_sentence(norm: str) -> str:
    """The normalized text up to its first full stop; a decimal point (占45.3%) is none."""
    end = _DECIMAL_POINT.sub("_", norm).find(".")
    return norm if end < 0 else norm[:end]


# A decimal point, which is no full stop; marked apart where sentences are cut.
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _breakdown(
    sentence: str,
    sums: set[float],
    evidence: str,
    forward_counted: bool = True,
    cut: bool = False,
    year: int | None = None,
) -> list[Fact]:
    """The outcomes listed after 其中 (or 处理结果中…), or else right after the count (a 其中 may open
    the requesters' list in brackets instead: '受理…36件(其中:自然人申请32件,…),上年结转7件,予以公开3件,…'),
    or else from the sentence's start: the sentence after the count may be the list ('…均已答复。予以公开
    28件,不予公开2件,…')."""
    starts = (_BREAKDOWN.search(sentence), _after_the_count(sentence, sums))
    for start in (*(m.end() for m in starts if m), 0):
        facts = _listed(sentence[start:], sums, evidence, forward_counted, cut, year)
        if facts:
            return facts
    # '5件申请均在法定期限内办结,办结率100%(部分公开1件,无法提供4件)': the list in brackets.
    for bracketed in _BRACKETED.finditer(sentence):
        facts = _listed(bracketed["items"], sums, evidence, forward_counted, year=year)
        if facts:
            return facts
    return []


_BRACKETED = re.compile(r"\((?P<items>[^()]*\d[^()]*)\)")


def _listed(
    after: str,
    sums: set[float],
    evidence: str,
    forward_counted: bool = True,
    cut: bool = False,
    year: int | None = None,
) -> list[Fact]:
    """The outcome of each item of the list that opens `after`, where every item names a row of
    section 三 and they add up to one of the `sums` (with the requests the list carries forward, where
    `forward_counted`: the sums count requests, not only those answered). A list the text's end `cut`
    cannot add up: its items before the cut stand as they are named, no more than the requests."""
    # An outcome's name may be quoted ('"予以公开"17件').
    items = _SHARE.sub("", join_wrapped_words(_first_sentence(after))).replace('"', "")
    clauses = _with_reasons_joined([c for c in (c.strip(" :") for c in re.split(r"[,;]", items)) if c])
    values: dict[str, float] = {}
    top: dict[str, float] = {}
    together = 0.0  # the granted and partly granted counted as one
    carried = 0.0  # the requests carried into next year, which the requests counted hold
    earlier = 0.0  # the requests carried over from last year, answered with the year's own
    # Top rows listed both as an item of their own and by a sub-row's item ('因不属于本机关信息无法提供1件,
    # 信息不存在1件'): they add up, but how the table splits them is unknown.
    mixed: set[str] = set()
    alone: set[str] = set()  # top rows named by an item of their own, no sub-row's reason with them
    for index, clause in enumerate(clauses):
        # The item the text's end cut short ('不予公开2', '部分公'): the list ends before it.
        last_cut = cut and index == len(clauses) - 1
        if not _DIGIT.search(clause):
            # Words after the list ('均已按要求答复') end it; words before it ('主要涉及政府政策文件,5宗予以
            # 公开,…') open it.
            if values or together or carried or earlier:
                break
            continue
        if not values and _CHANNEL.match(clause):  # how the requests came ('其中网络申请9件,信函申请6件,…')
            continue
        if last_cut and not (_ITEM.match(clause) or _ITEM_COUNT_FIRST.match(clause)):
            break
        if (carried_here := _carried(_CARRIED_FORWARD, clause, year)) is not None:
            carried += carried_here if forward_counted else 0.0
            continue
        if not values and (earlier_here := _carried(_CARRIED_OVER, clause, year)) is not None:
            earlier += earlier_here
            continue
        m = _ITEM.match(clause) or _ITEM_COUNT_FIRST.match(clause)
        if m and _GRANTED_OR_PARTLY.fullmatch(compact(m["label"])):
            together += float(m["num"])
            continue
        row = _row_named(m["label"]) if m else None
        if row is None or (row.metric_id in values and row.metric_id in _OUTCOMES):
            return []
        value = float(m["num"])
        # '因"属于国家秘密"等原因不予公开21件': the reasons it names are examples, so no sub-row is known.
        several = "等" in m["label"]
        if several and row.metric_id not in _OUTCOMES:
            return []
        sub = None if several else _sub_row_named(row, m)
        if row.metric_id in _OUTCOMES and sub is None:
            alone.add(row.metric_id)
        if row.metric_id in _OUTCOMES:
            if row.metric_id in top:
                mixed.add(row.metric_id)
            values[row.metric_id] = value
            top[row.metric_id] = top.get(row.metric_id, 0.0) + value
        if sub is not None:
            if sub.metric_id in values:
                # Two items naming one sub-row ('因本机关不掌握相关政府信息无法提供1件,信息不存在的1件'): an
                # older category may be among them, which the table may file under another sub-row.
                mixed.add(sub.metric_id)
            values[sub.metric_id] = value
            if row.metric_id not in _OUTCOMES:  # a sub-row alone: its top row is the sum of them
                if row.parent in values:
                    mixed.add(row.parent)
                top[row.parent] = top.get(row.parent, 0.0) + value
    added = sum(top.values()) + together + carried - earlier
    if cut and top and added not in sums and added <= max(sums):
        # Only rows named outright: a top row named with one sub-row's reason, or summed from its
        # sub-rows, may have more items after the cut, and the total is not known.
        kept = {m: v for m, v in values.items() if m in alone or m not in _OUTCOMES}
        return [Fact(metric_id, v, evidence=evidence, note=_CUT_NOTE) for metric_id, v in kept.items()]
    if not top or added not in sums:
        return []
    listed = {**{parent: v for parent, v in top.items() if parent not in values}, **values}
    listed = {m: v for m, v in listed.items() if m not in mixed and _PARENT.get(m) not in mixed}
    # 总计 is declared the sum of the top rows: a breakdown that adds up states it too.
    listed.setdefault("outcome_total", sum(top.values()) + together)
    return [Fact(metric_id, v, evidence=evidence, note=_NOTE) for metric_id, v in listed.items()]


def _with_reasons_joined(clauses: list[str]) -> list[str]:
    """The clauses, each one without a count joined to the item after it where it lists the reasons
    that item gives ('属于信访投诉举报、重复申请等情形不予处理24件': 、 reads as ','), which then still names
    its row; never a row's own words ('不予公开、无法提供5件' says not how many each had)."""
    out: list[str] = []
    for clause in clauses:
        before = out[-1] if out else ""
        if before and not _DIGIT.search(before) and _DIGIT.search(clause) and _row_named(before) is None:
            m = _ITEM.match(before + clause)
            if m and _row_named(m["label"]) is not None:
                out[-1] = before + clause
                continue
        out.append(clause)
    return out


def _after_the_count(sentence: str, sums: set[float]) -> re.Match | None:
    """Where a list with no 其中 opens right after the clause counting the requests ('共收到和处理…申请13件,
    予以公开10件,无法提供2件,结转下年办理1件')."""
    for m in _REQUESTS_CLAUSE.finditer(sentence):
        if float(m["num"]) in sums:
            return m
    return None


# A clause counting requests, up to its comma.
_REQUESTS_CLAUSE = re.compile(r"申请[^,;.\d]{0,8}?(?P<num>\d+)(?:件|条|份|宗|项)(?:\([^()]{0,40}\))?,")


def _carried(patterns: list[tuple[OverviewCount, re.Pattern]], clause: str, year: int | None) -> float | None:
    """The requests a clause says were carried into next year ('结转下年办理1件', '1件结转下年度', in a 2025
    report '结转2026年度继续办理2件') or over from last year ('上年结转7件'), as OVERVIEW_COUNTS words
    them: rows apart from the outcomes. Words naming a year count only where it is the one they must
    name, given the report's `year`."""
    for count, pattern in patterns:
        m = pattern.match(clause)
        if m is None or _DIGIT.search(clause, m.end()):
            continue
        if not _names_its_year(count, m, year):
            continue
        return float(m["num"])
    return None


_DIGIT = re.compile(r"\d")
_NOTE = "the overview's breakdown of the year's requests, which adds up to them; the table is not in the file"
_CUT_NOTE = (
    "the overview's breakdown of the year's requests, cut short by the text's end; the items before the cut"
)


# Section 三's top rows, their sub-rows (the 2021 layout has them all), and each layout's rows.
_TOP_ROWS = [r for r in SECTION3_ROWS if r.metric_id in _OUTCOMES]
_SUB_ROWS = [r for r in SECTION3_ROWS if r.parent in _OUTCOMES and STD2021 in r.formats]
_PARENT = {r.metric_id: r.parent for r in SECTION3_ROWS}
_ROWS_OF = {fmt: {r.metric_id for r in SECTION3_ROWS if fmt in r.formats} for fmt in (STD2019, STD2021)}


def _row_named(label: str):
    """The top row of section 三 that the item's words end with (never after 不 or 部分: 不同意公开 and
    部分同意公开 are no 同意公开), or else the one sub-row its words name (属于四类过程性信息,
    本办不掌握相关政府信息)."""
    label = compact(label)
    named = [
        r
        for r in _TOP_ROWS
        if any(
            label.endswith(x) and not label[: -len(x)].endswith(("不", "部分"))
            for x in map(compact, r.labels + r.prose_words)
        )
    ]
    if named:
        return named[0] if len(named) == 1 else None
    subs = [r for r in _SUB_ROWS if _words_name(label, r)]
    return subs[0] if len(subs) == 1 else None


def _words_name(words: str, row) -> bool:
    """Whether the (compact) words name the sub-row: hold one of its labels, or open with it where that
    is a word as short as 其他 (其他情况), which other words hold (告知通过其他途径办理)."""
    return any(
        x in words if len(x) > _SHORT_LABEL else words.startswith(x)
        for x in map(compact, row.labels + row.prose_words)
    )


_SHORT_LABEL = 2


def _sub_row_named(row, m: re.Match):
    """The sub-row an item names: itself when its words name a sub-row, or the one sub-row of its top
    row that its words or a note in brackets name."""
    if row.metric_id not in _OUTCOMES:
        return row
    said = compact(" ".join(x for x in (m["label"], m["note"], m["after"]) if x))
    # Less the top row's own words: 其他处理 holds 其他, the name of one of its sub-rows.
    for label in row.labels:
        said = said.replace(compact(label), "")
    named = [r for r in _SUB_ROWS if r.parent == row.metric_id and _words_name(said, r)]
    return named[0] if len(named) == 1 else None


# A count right after its words, in its units (OverviewCount.units): an exact number, never 余/多 (the
# table's cell is exact).
_COUNT = rf"(?:共|共计|合计|为|达)?\s*(?P<num>{NUMBER})"
_OTHER_YEAR = re.compile(r"上年|去年|上一年|同期|同比|较")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def overview_counts(text: str, fmt: str, year: int | None) -> list[Fact]:
    """The counts of OVERVIEW_COUNTS the overview states, each in a clause of its own year; a count
    stated twice with two values is left out."""
    norm = normalize(text)
    # Where clauses and sentences end: the text with its decimal points (同比增长71.9%) marked apart
    # from full stops, the same length so that every place in it is the same place in the text.
    marked = _DECIMAL_POINT.sub("_", norm)
    found: dict[str, set[float]] = {}
    evidence: dict[str, str] = {}
    for count, pattern in _PATTERNS.items():
        if fmt not in count.formats:
            continue
        for m in pattern.finditer(norm):
            value = 0.0 if count.says_none else _exact_value(m["num"], count.per_unit)
            if value is None or not _in_its_place(marked, m, count, year):
                continue
            found.setdefault(count.metric_id, set()).add(value)
            evidence.setdefault(count.metric_id, norm[slice(*_around(marked, m, _SENTENCE_MARKS))])
    for metric_id, value, sentence in _decisions_respectively(marked, norm, year):
        found.setdefault(metric_id, set()).add(value)
        evidence.setdefault(metric_id, sentence)
    return [
        Fact(metric_id, values.pop(), evidence=evidence[metric_id], note=_COUNT_NOTE)
        for metric_id, values in found.items()
        if len(values) == 1
    ]


_KINDS = "|".join(DECISIONS_BY_NAME)
_RESPECTIVELY = re.compile(
    rf"(?P<names>行政(?:{_KINDS})(?:[,和及与]行政(?:{_KINDS}))+)(?:的)?(?:处理)?决定(?:数量|数)?分别(?:为|是)?"
    r"(?P<counts>\d+(?:件|宗|项|个|起)?(?:[,和及与]\d+(?:件|宗|项|个|起)?)*)"
)


def _decisions_respectively(marked: str, norm: str, year: int | None) -> Iterator[tuple[str, float, str]]:
    """Section 二's decisions named together and counted 分别, each its own count in the order named, or
    one zero for all; in a clause of the report's year."""
    for m in _RESPECTIVELY.finditer(norm):
        start, _ = _around(marked, m, _CLAUSE_MARKS)
        said = norm[start : m.start()] + m.group()
        if _OTHER_YEAR.search(said) or any(year is not None and int(y) != year for y in _YEAR.findall(said)):
            continue
        kinds = re.findall(rf"行政({_KINDS})", m["names"])
        counts = [float(n) for n in re.findall(r"\d+", m["counts"])]
        if counts == [0]:
            counts = counts * len(kinds)
        if len(counts) != len(kinds) or len(set(kinds)) != len(kinds):
            continue
        sentence = norm[slice(*_around(marked, m, _SENTENCE_MARKS))]
        for kind, value in zip(kinds, counts, strict=True):
            yield DECISIONS_BY_NAME[kind], value, sentence


def _exact_value(number: str, per_unit: float) -> float | None:
    """The metric's value of an exact count in units worth `per_unit`; None for 余/多 or no number."""
    quantity = parse_quantity(number)
    if quantity is None or quantity.approximate:
        return None
    return round(quantity.value * per_unit, 6)


def _pattern(count: OverviewCount) -> re.Pattern:
    if count.says_none:
        return re.compile(count.words)
    # PDF text may set a space between a count and its unit ('废止 0 件').
    if count.count_first:
        return re.compile(f"(?<![\\d.])(?P<num>{NUMBER})[ \t]*(?:{count.units})(?:{count.words})")
    return re.compile(f"(?:{count.words}){_COUNT}[ \t]*(?:{count.units})(?={count.followed_by})")


_PATTERNS = {count: _pattern(count) for count in OVERVIEW_COUNTS}
# The counts carried forward and carried over, each a clause of a breakdown may be.
_CARRIED_FORWARD, _CARRIED_OVER = (
    [
        (count, pattern)
        for count, pattern in _PATTERNS.items()
        if count.metric_id == metric_id and not count.says_none
    ]
    for metric_id in ("requests_carried_forward", "requests_carried_over")
)
_COUNT_NOTE = "stated by the overview; the table is not in the file"
# Normalized text: 。 is ".", ，is ",".
_CLAUSE_MARKS = ",;:.!?"
_SENTENCE_MARKS = ".!?"
# What may open a clause before words that must open it (OverviewCount.opens_clause).
# The report's year itself may open the clause (2023年全区共办结…733件): other years' are ruled out apart.
# Headings may stand before it on their own lines ('(二)政府信息依申请公开情况'; '总体情况' once 一、 has
# been read as a clause's comma).
_CLAUSE_OPENING = re.compile(
    r"(?:(?:\([一二三四五六七八九十]{1,3}\))?[\u4e00-\u9fff]{0,16}情况\s*\n\s*){0,2}(?:其中)?(?:(?:19|20)\d\d年度?|本年度?|全年|年度内|年度|当年度?|目前|截至目前)?(?:全[省市区县镇乡])?"
    # The agency speaking of itself ('2023年,我区已按规定办结…79件', '本机关办结…').
    r"(?:[我本](?:[省市区县镇乡局委办厅处]|单位|机关|部门|中心|街道))?"
    r"(?:共计|共|合计|已|均|全部|依法|依规|按规定|按期|按时|及时|在(?:法定|规定)(?:期限|时限)内)*"
)


def _names_its_year(count: OverviewCount, m: re.Match, year: int | None) -> bool:
    """Whether words that print a year (OverviewCount.names_year) print the one they must, given the
    report's `year`; words printing none always do."""
    return not count.names_year or (
        year is not None and _YEAR.findall(m.group()) == [str(year + count.names_year)]
    )


def _in_its_place(norm: str, m: re.Match, count: OverviewCount, year: int | None) -> bool:
    """Whether the clause of the match speaks of the report's year (no other year's date or words,
    较上年 or 同比, before the count in it) and the count stands where its words require."""
    start, end = _around(norm, m, _CLAUSE_MARKS)
    before = norm[start : m.start()]
    if not _names_its_year(count, m, year):
        return False
    said = before + ("" if count.names_last_year or count.names_year else m.group())
    if _OTHER_YEAR.search(said) or any(year is not None and int(y) != year for y in _YEAR.findall(said)):
        return False
    if count.opens_clause and not _CLAUSE_OPENING.fullmatch(before.strip()):
        return False
    sentence = norm[slice(*_around(norm, m, count.sentence_marks))]
    if count.sentence_has and not re.search(count.sentence_has, sentence):
        return False
    if count.sentence_lacks and re.search(count.sentence_lacks, _NONE_OF.sub("", sentence)):
        return False
    return not (count.clause_lacks and re.search(count.clause_lacks, norm[start:end]))


# A clause saying there was none of something ('无提起行政诉讼的情况', '未发生行政诉讼') speaks of none of it:
# a sentence about reviews alone may say it has no lawsuits.
_NONE_OF = re.compile(r"(?<=[,;])(?:无|未|没有)[^,;.\d]{0,16}(?=[,;.]|$)")


def _around(norm: str, m: re.Match, marks: str) -> tuple[int, int]:
    """Where the clause or sentence (as `marks` end them) that holds the match starts and ends, its
    closing mark included."""
    start = max(norm.rfind(p, 0, m.start()) for p in marks) + 1
    end = min((i for i in (norm.find(p, m.end()) for p in marks) if i >= 0), default=len(norm))
    return start, end + 1
