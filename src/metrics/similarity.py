"""Copied text (内容雷同) between reports: for each report, the most similar earlier report of the same
agency and the most similar report of another agency of the same year, judged on the prose alone.

The prose is what is left of the text once tables, figures and boilerplate are gone: lines that are
table rows, digits (years and counts differ in a copy), and sentences that many agencies print alike
(the template's own wording, a site's page furniture). Each report's prose becomes a set of
character shingles and a MinHash signature; MinHash LSH (datasketch) finds the candidate pairs, so
the cost grows with the number of reports, not with the number of pairs.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE = 5  # characters: a few Chinese words
NUM_PERM = 128
# LSH finds pairs whose estimated similarity is at least about this; the page's threshold starts here.
LSH_THRESHOLD = 0.5
DEFAULT_SHOWN = 0.7  # the page lists pairs from this similarity unless asked for lower
# Too little prose to judge: a report that is all tables and boilerplate has nothing to copy.
MIN_PROSE_CHARS = 60
# A sentence printed alike by at least this many agencies (or this share of them) is boilerplate: a
# template handed down to several agencies is not one agency copying another.
BOILERPLATE_AGENCIES = 3
BOILERPLATE_SHARE = 0.02
# A shared passage shown side by side is at least this many characters long.
MIN_PASSAGE = 12

_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n")
_TABLE_LINE = re.compile(r"\||\t|(\d[\s,，、]+){3}")
# Digits and Chinese numerals go from the comparison key (进一步 loses its 一 in every report alike).
_NOT_WORDS = re.compile(r"[\d０-９零〇一二两三四五六七八九十百千万亿\s\W_]+")
# A sentence stating three or more figures is statistics, not prose.
_FIGURE = re.compile(r"[\d０-９][\d０-９,.，]*|[零〇一二两三四五六七八九十百千万]+(?=[件条次个项人家起篇份])")
STATISTICS_FIGURES = 3
RELATIONS = ("own_earlier", "other_same_year")


@dataclass(frozen=True)
class Prose:
    sentences: tuple[str, ...]  # as printed
    keys: tuple[str, ...]  # each sentence without digits, spaces and punctuation


def sentences(text: str, names: tuple[str, ...] = ()) -> Prose:
    """The sentences of a report's running text (table rows left out), each with its comparison key:
    without digits, punctuation and the report's own names (agency, region), which every report of
    an agency repeats in its title and template sentences whatever else it says."""
    names = tuple(sorted({n for n in names if n}, key=len, reverse=True))
    kept, keys = [], []
    for line in (text or "").splitlines():
        if _TABLE_LINE.search(line):
            continue
        for sentence in _SENTENCE_END.split(line):
            if len(_FIGURE.findall(sentence)) >= STATISTICS_FIGURES:
                continue
            key = _NOT_WORDS.sub("", sentence)
            for name in names:
                key = key.replace(name, "")
            if len(key) >= 6:
                kept.append(sentence.strip())
                keys.append(key)
    return Prose(tuple(kept), tuple(keys))


def boilerplate(proses: dict[str, Prose], agencies: dict[str, str]) -> set[str]:
    """Sentence keys printed by many agencies: counted once per agency, so an agency repeating its own
    text year after year does not make it boilerplate."""
    seen: Counter[str] = Counter()
    per_agency: dict[str, set[str]] = {}
    for report_id, prose in proses.items():
        per_agency.setdefault(agencies[report_id], set()).update(prose.keys)
    for keys in per_agency.values():
        seen.update(keys)
    limit = max(BOILERPLATE_AGENCIES, BOILERPLATE_SHARE * len(per_agency))
    return {key for key, n in seen.items() if n >= limit}


def own_prose(prose: Prose, common: set[str]) -> Prose:
    """The report's prose without boilerplate."""
    pairs = [(s, k) for s, k in zip(prose.sentences, prose.keys, strict=True) if k not in common]
    return Prose(tuple(s for s, _ in pairs), tuple(k for _, k in pairs))


def shingles(prose: Prose) -> set[str]:
    text = "|".join(prose.keys)
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def find_pairs(reports: pd.DataFrame) -> pd.DataFrame:
    """For each report (rows of report_prose.sql), its most similar earlier report of the same agency
    and its most similar report of another agency in the same year, where LSH finds one."""
    agencies = dict(zip(reports["report_id"], reports["agency"], strict=True))
    proses = {
        r.report_id: sentences(r.body_text, (r.agency, r.region)) for r in reports.itertuples(index=False)
    }
    common = boilerplate(proses, agencies)
    meta = reports.set_index("report_id")[["agency", "region", "year"]]
    judged = {}
    for report_id, prose in proses.items():
        own = own_prose(prose, common)
        if sum(len(k) for k in own.keys) >= MIN_PROSE_CHARS:
            judged[report_id] = [s.encode("utf-8") for s in shingles(own)]
    ids = list(judged)
    # Signatures alone are kept (1 KB a report); similarity is estimated from them, not from the sets.
    signatures = dict(
        zip(ids, map(LeanMinHash, MinHash.bulk(list(judged.values()), num_perm=NUM_PERM)), strict=True)
    )
    del judged
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for report_id, signature in signatures.items():
            session.insert(report_id, signature, check_duplication=False)
    rows = []
    for report_id, signature in signatures.items():
        agency, region, year = meta.loc[report_id, ["agency", "region", "year"]]
        best: dict[str, tuple[float, str]] = {}
        for other in lsh.query(signature):
            if other == report_id:
                continue
            o_agency, o_year = meta.at[other, "agency"], meta.at[other, "year"]
            if o_agency == agency and o_year < year:
                relation = "own_earlier"
            elif o_agency != agency and o_year == year:
                relation = "other_same_year"
            else:
                continue
            similarity = signature.jaccard(signatures[other])
            if similarity > best.get(relation, (-1.0, ""))[0]:
                best[relation] = (similarity, other)
        for relation, (similarity, other) in best.items():
            rows.append((report_id, agency, region, year, relation, other, similarity))
    pairs = pd.DataFrame(
        rows, columns=["report_id", "agency", "region", "year", "relation", "match_id", "similarity"]
    )
    return pairs.merge(
        meta.rename(columns={"agency": "match_agency", "region": "match_region", "year": "match_year"}),
        left_on="match_id",
        right_index=True,
    ).sort_values("similarity", ascending=False, ignore_index=True)


def shared_passages(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The passages two texts share, at least MIN_PASSAGE characters long, as (start, end) in each."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= MIN_PASSAGE]
    return [(m.a, m.a + m.size) for m in blocks], [(m.b, m.b + m.size) for m in blocks]


def prose_text(text: str) -> str:
    """A report's running text as the page compares it: its sentences, tables left out."""
    return "\n".join(sentences(text).sentences)
