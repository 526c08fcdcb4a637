"""How a standard report's overview says its requests were answered, for a file without section 三.

An overview may break the year's requests down by outcome ('收到依申请公开信息171条,其中:予以公开4条,
不予公开(三类内部事务信息)2条,不予处理(无正当理由大量反复申请)165条'). Outcome words also describe
documents (公文…不予公开13条), so such a breakdown is read only when every item of it names a top row
of section 三 and the items add up to the requests the same sentence counts; a note in brackets that
names one sub-row of its item gives that sub-row the item's count.
"""

from __future__ import annotations

import re

from metrics.catalog import metrics
from metrics.models import Fact
from metrics.normalize import compact, normalize
from metrics.numbers_zh import NUMBER, parse_quantity
from metrics.templates.standard import OVERVIEW_COUNTS, SECTION3_ROWS, STD2021, OverviewCount

# The top rows of 三、本年度办理结果: the rows its 总计 is declared the sum of.
_OUTCOMES = metrics()["outcome_total"].sum_of
_ITEM = re.compile(
    r"^(?P<label>[\u4e00-\u9fff]{2,8}?)(?:\((?P<note>[^()]{2,40})\))?(?:的)?(?:申请)?"
    r"(?P<num>\d+)(?:件|条|个|项|份)$"
)


def overview_outcomes(requests: Fact) -> list[Fact]:
    """The outcome counts of the sentence that states the year's requests (`requests` as read from the
    overview), or none when the sentence gives no complete breakdown."""
    sentence = normalize(requests.evidence)
    start = sentence.find("其中")
    if start < 0 or requests.value is None:
        return []
    clauses = [c.strip(" :") for c in re.split(r"[,;]", sentence[start + 2 :].split(".")[0])]
    facts: list[Fact] = []
    for clause in clauses:
        m = _ITEM.match(clause)
        row = _row_named(m["label"]) if m else None
        if row is None or any(f.metric_id == row.metric_id for f in facts):
            return []
        value = float(m["num"])
        facts.append(Fact(row.metric_id, value, evidence=requests.evidence, note=_NOTE))
        sub = _sub_row_named(row.metric_id, m["note"] or "")
        if sub is not None:
            facts.append(Fact(sub.metric_id, value, evidence=requests.evidence, note=_NOTE))
    top = [f for f in facts if f.metric_id in _OUTCOMES]
    return facts if top and sum(f.value for f in top) == requests.value else []


_NOTE = "the overview's breakdown of the year's requests, which adds up to them; the table is not in the file"


def _row_named(label: str):
    rows = [r for r in SECTION3_ROWS if r.metric_id in _OUTCOMES]
    named = [r for r in rows if any(label.endswith(compact(x)) for x in r.labels)]
    return named[0] if len(named) == 1 else None


def _sub_row_named(parent: str, note: str):
    if not note:
        return None
    subs = [r for r in SECTION3_ROWS if r.parent == parent and STD2021 in r.formats]
    named = [r for r in subs if any(compact(x) in compact(note) for x in r.labels)]
    return named[0] if len(named) == 1 else None


# A count right after its words: an exact number of 件 (份 for documents), never 余/多 (the table's
# cell is exact).
_COUNT = rf"(?:共|共计|合计|为|达)?(?P<num>{NUMBER})(?:件|份)"
_OTHER_YEAR = re.compile(r"上年|去年|上一年|同期|同比|较")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def overview_counts(text: str, fmt: str, year: int | None) -> list[Fact]:
    """The counts of OVERVIEW_COUNTS the overview states, each in a clause of its own year; a count
    stated twice with two values is left out."""
    norm = normalize(text)
    found: dict[str, set[float]] = {}
    evidence: dict[str, str] = {}
    for count, pattern in _PATTERNS.items():
        if fmt not in count.formats:
            continue
        for m in pattern.finditer(norm):
            quantity = parse_quantity(m["num"])
            if quantity is None or quantity.approximate or not _in_its_place(norm, m, count, year):
                continue
            found.setdefault(count.metric_id, set()).add(quantity.value)
            evidence.setdefault(count.metric_id, norm[slice(*_around(norm, m, _SENTENCE_MARKS))])
    return [
        Fact(metric_id, values.pop(), evidence=evidence[metric_id], note=_COUNT_NOTE)
        for metric_id, values in found.items()
        if len(values) == 1
    ]


_PATTERNS = {count: re.compile(f"(?:{count.words}){_COUNT}") for count in OVERVIEW_COUNTS}
_COUNT_NOTE = "stated by the overview; the table is not in the file"
# Normalized text: 。 is ".", ，is ",".
_CLAUSE_MARKS = ",;:.!?"
_SENTENCE_MARKS = ".!?"
# What may open a clause before words that must open it (OverviewCount.opens_clause).
_CLAUSE_OPENING = re.compile(r"(?:其中)?(?:本年度?|全年|年度内)?(?:共|已|均|全部|依法)*")


def _in_its_place(norm: str, m: re.Match, count: OverviewCount, year: int | None) -> bool:
    """Whether the clause of the match speaks of the report's year (no other year's date or words,
    较上年 or 同比, before the count in it) and the count stands where its words require."""
    start, end = _around(norm, m, _CLAUSE_MARKS)
    before = norm[start : m.start()]
    said = before + ("" if count.names_last_year else m.group())
    if _OTHER_YEAR.search(said) or any(year is not None and int(y) != year for y in _YEAR.findall(said)):
        return False
    if count.opens_clause and not _CLAUSE_OPENING.fullmatch(before.strip()):
        return False
    if count.sentence_has and not re.search(
        count.sentence_has, norm[slice(*_around(norm, m, _SENTENCE_MARKS))]
    ):
        return False
    return not (count.clause_lacks and re.search(count.clause_lacks, norm[start:end]))


def _around(norm: str, m: re.Match, marks: str) -> tuple[int, int]:
    """Where the clause or sentence (as `marks` end them) that holds the match starts and ends, its
    closing mark included."""
    start = max(norm.rfind(p, 0, m.start()) for p in marks) + 1
    end = min((i for i in (norm.find(p, m.end()) for p in marks) if i >= 0), default=len(norm))
    return start, end + 1
