"""One report file in, one Extraction out: read, describe, detect the layout, extract, derive, validate.

Pure: no database. Runs in worker processes during ingest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from metrics import formats
from metrics.catalog import metrics
from metrics.extract.derive import derived_facts
from metrics.extract.detect import detect_format
from metrics.extract.legacy_prose import extract_legacy_prose, stated_counts
from metrics.extract.legacy_table import extract_legacy_table
from metrics.extract.metadata import read_metadata
from metrics.extract.ocr_marks import mark_ocr_figures
from metrics.extract.standard import SECTION3_HEADING, extract_standard
from metrics.extract.standard.overview import (
    is_cut_breakdown,
    overview_all_answered,
    overview_answered_outcomes,
    overview_counts,
    overview_outcomes,
    overview_requesters,
    overview_single_outcome,
)
from metrics.extract.validation import check_identities, check_text_against_table
from metrics.models import Document, Extraction, Fact, Flag, Metadata
from metrics.readers import read_document
from metrics.templates.standard import OVERVIEW_COUNTS

Extractor = Callable[[Document, Metadata], tuple[list[Fact], list[Flag]]]

EXTRACTORS: dict[str, Extractor] = {
    formats.STD2021: lambda doc, meta: extract_standard(doc, formats.STD2021),
    formats.STD2019: lambda doc, meta: extract_standard(doc, formats.STD2019),
    formats.LEGACY_TABLE: extract_legacy_table,
    formats.LEGACY_PROSE: extract_legacy_prose,
}
# Counts the prose of a standard report states that its table also holds; a difference is a finding.
_PROSE_CHECKED = ("requests_new",)


def extract_document(doc: Document) -> Extraction:
    meta = read_metadata(doc)
    fmt = detect_format(doc, meta.year)
    ex = Extraction(path=doc.path, format=fmt, meta=meta, flags=list(meta.flags))
    extractor = EXTRACTORS.get(fmt)
    if extractor is None:
        return ex
    facts, flags = extractor(doc, meta)
    facts, prose_flags = _with_prose_figures(doc, meta, fmt, facts)
    flags += prose_flags
    if fmt in (formats.STD2019, formats.STD2021):
        overview = _overview_text(doc)
        prose = _overview_figures(doc, meta, overview)
        flags += check_text_against_table(facts, [f for f in prose if f.metric_id in _PROSE_CHECKED])
        facts += _figures_of_unread_sections(prose, facts, overview, fmt, meta.year)
    facts += derived_facts(facts, fmt)
    mark_ocr_figures(facts, doc)
    ex.facts = facts
    ex.flags += flags + check_identities(facts, fmt)
    return ex


# Section 二's table caption (第二十条第(一)项), not the overview citing the article (根据《条例》第二十条第(二)款
# 要求, 第二十条第(一)项规定).
_ARTICLE_20_CAPTION = r"第二十条第(?![^\n]{0,6}?(?:款|规定|要求))"
# Where a standard report's overview prose ends: section 二's heading, or the first words of any of
# its tables where a page or an excerpt holds no heading. Section 四's column 未经复议直接起诉 may be
# prose too, before a mark that only a sentence sets after it ('行政诉讼案1件,未经复议直接起诉;').
_OVERVIEW_END = re.compile(
    r"二\s*[、.．]\s*主动公开政府信息情况|二\s*[、.．]\s*主動公開政府信息情況"
    rf"|{_ARTICLE_20_CAPTION}|三\s*[、.．]\s*收到和处理|本年新收政府信息公开申请"
    r"|未经复议直接起诉(?![,，;；。、的])"
)


# Where section 三's table begins after the prose some reports put first (after SECTION3_HEADING).
_SECTION3_TABLE = re.compile(r"申请人情况|本列数据|本年新收政府信息公开申请|\|")
# Section 二's heading, and where its tables (or, with none, section 三) begin after prose some reports
# put first or write instead ('2024年,某市人民政府制发行政规范性文件0件,…').
_SECTION2_HEADING = re.compile(r"二\s*[、.．]\s*主动公开政府信息情况|二\s*[、.．]\s*主動公開政府信息情況")
_SECTION2_TABLE = re.compile(rf"{_ARTICLE_20_CAPTION}|信息内容|\||三\s*[、.．]\s*收到和处理")


def _overview_text(doc: Document) -> str:
    """The overview prose (一、总体情况, before the tables), and the sentences some reports put between
    section 二's or 三's heading and its table ('2022年共收到8份申请。其中,予以公开2件,…')."""
    m = _OVERVIEW_END.search(doc.text)
    overview = doc.text if m is None else doc.text[: m.start()]
    before_tables = [_before_table(doc.text, heading, table) for heading, table in _PROSE_BEFORE_TABLES]
    return "\n".join([overview, *filter(None, before_tables)])


def _before_table(text: str, heading: re.Pattern, table: re.Pattern) -> str:
    """The text after the section's heading up to its table; none where the heading is not found."""
    found = heading.search(text)
    if found is None:
        return ""
    rest = text[found.end() :]
    start = table.search(rest)
    return rest if start is None else rest[: start.start()]


_PROSE_BEFORE_TABLES = ((_SECTION2_HEADING, _SECTION2_TABLE), (SECTION3_HEADING, _SECTION3_TABLE))


def _overview_figures(doc: Document, meta: Metadata, overview: str) -> list[Fact]:
    """The counts the overview prose states, of the metrics it may stand in for or is checked on.
    Without the tables' own text, prose rules cannot mistake a table's cells for a sentence's counts."""
    return stated_counts(overview, meta.year, _READ_IN_OVERVIEW)


# The standard tables by the metric sections they hold.
_TABLE_OF_SECTION = {
    "proactive": "二",
    "requests": "三",
    "outcomes": "三",
    "review": "四",
    "litigation": "四",
}
# Overview counts whose wording is unmistakable (共收到…申请N件, 未发生行政复议, and OVERVIEW_COUNTS);
# outcome words such as 不予公开 also describe documents (公文…不予公开13条), so outcomes are left to
# the table, but for the requests answered where OVERVIEW_COUNTS finds them in their place.
_STANDING_IN = ("requests_new", "review_total", "litigation_total", *(c.metric_id for c in OVERVIEW_COUNTS))
# The overview's counts a standard report uses: those that stand in, and those checked on the table.
_READ_IN_OVERVIEW = frozenset((*_STANDING_IN, *_PROSE_CHECKED))
# The tables OVERVIEW_COUNTS stand in for.
_COUNTED_TABLES = {_TABLE_OF_SECTION[metrics()[c.metric_id].section] for c in OVERVIEW_COUNTS}


def _figures_of_unread_sections(
    prose: list[Fact], facts: list[Fact], overview: str, fmt: str, year: int | None
) -> list[Fact]:
    """Prose figures count where no table gives them: for a table of which nothing was read (an
    excerpt that stops before it, a page that is lost), the overview's counts stand in, each with
    its sentence as evidence. A table read even in part keeps the prose out of its section."""
    read = {_table_of(f.metric_id) for f in facts}
    if not _COUNTED_TABLES <= read:  # most reports' tables are read: the words need no reading then
        prose = prose + overview_counts(overview, fmt, year)
    standing = [f for f in prose if f.metric_id in _STANDING_IN and _table_of(f.metric_id) not in read]
    standing += _no_lawsuit_of_either_kind(standing)
    table = {f.metric_id: f.value for f in facts}
    requests = [
        f for f in prose if f.metric_id == "requests_new" and table.get("requests_new", f.value) == f.value
    ]
    answered = [f for f in standing if f.metric_id == "outcome_total"]
    if len(requests) != 1:
        # No count of the requests: the breakdown of those answered, if the overview gives them alone.
        if len(answered) == 1 and "三" not in read and len(requests) == 0:
            return standing + _besides(standing, overview_answered_outcomes(answered[0], overview, fmt, year))
        return standing
    if "三" not in read:
        standing += _besides(standing, overview_requesters(requests[0], overview, standing))
    if any(_section_of(f.metric_id) == "outcomes" for f in facts):
        return standing
    # No outcome row was read (section 三 is not in the file, or it stops after its request rows): the
    # overview's breakdown of the requests stands in, where it adds up to the requests it counts (as
    # the table gives them, if it does) or to those it says were answered.
    carried = {f.metric_id: f.value for f in standing if f.metric_id.startswith("requests_carried_")}
    outcomes = overview_outcomes(
        requests[0], overview, fmt, answered[0] if len(answered) == 1 else None, carried, year
    )
    if not outcomes or is_cut_breakdown(outcomes):
        # A breakdown cut short by the text's end leaves the total to the sentence saying all were answered.
        outcomes += overview_all_answered(requests[0], overview, carried.get("requests_carried_over")) or (
            [] if outcomes else overview_single_outcome(requests[0], overview)
        )
    # The total answered stands as stated; the breakdown adds the rows under it.
    return standing + _besides(standing, outcomes)


def _no_lawsuit_of_either_kind(standing: list[Fact]) -> list[Fact]:
    """No lawsuit at all (未发生行政诉讼) is none of either kind section 四 counts apart: those brought
    without a review and those brought after one."""
    none = next((f for f in standing if f.metric_id == "litigation_total" and f.value == 0), None)
    if none is None:
        return []
    return [
        Fact(metric_id, 0, evidence=none.evidence, note="stated that no lawsuit was brought")
        for metric_id in ("lit_direct_total", "lit_after_review_total")
    ]


def _besides(standing: list[Fact], more: list[Fact]) -> list[Fact]:
    """The facts of `more` whose metrics `standing` does not give."""
    have = {f.metric_id for f in standing}
    return [f for f in more if f.metric_id not in have]


def _table_of(metric_id: str) -> str | None:
    return _TABLE_OF_SECTION.get(_section_of(metric_id))


def _section_of(metric_id: str) -> str | None:
    metric = metrics().get(metric_id)
    return None if metric is None else metric.section


def _with_prose_figures(
    doc: Document, meta: Metadata, fmt: str, facts: list[Fact]
) -> tuple[list[Fact], list[Flag]]:
    """A legacy table report may state in prose what its table lacks; where both state a figure the
    table's is kept, and a prose figure that differs from it is flagged."""
    if fmt != formats.LEGACY_TABLE:
        return facts, []
    have = {f.metric_id for f in facts}
    prose, _ = extract_legacy_prose(doc, meta)
    disagreements = check_text_against_table(facts, [f for f in prose if f.metric_id in have])
    return facts + [f for f in prose if f.metric_id not in have], disagreements


def extract_file(path: str) -> Extraction:
    return extract_document(read_document(path))
