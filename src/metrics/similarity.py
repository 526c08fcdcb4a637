"""Copied text (内容雷同) between reports: for each report, the most similar earlier report of the same
agency and the most similar report of another agency of the same year, judged on the prose alone.

The prose is what is left of the text once tables, figures and boilerplate are gone: lines that are
table rows, digits (years and counts differ in a copy), and sentences that many agencies print alike
(the template's own wording, a site's page furniture). Each report's prose becomes a set of
character shingles and a MinHash signature; MinHash LSH (datasketch) finds the candidate pairs, so
the cost grows with the number of reports, not with the number of pairs.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import os
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
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
# Reports read at a time: what one worker holds of the texts.
CHUNK = 2000
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


def _key_hash(key: str) -> int:
    """A sentence key as 8 bytes, the same in every process (Python's own str hash is salted per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _agency_keys(rows: list[tuple]) -> dict[str, set[int]]:
    """Each agency's sentence keys (hashed) among these rows of (report id, agency, region, year, text)."""
    out: dict[str, set[int]] = {}
    for _, agency, region, _, text in rows:
        out.setdefault(agency, set()).update(map(_key_hash, sentences(text, (agency, region)).keys))
    return out


def boilerplate(per_agency: dict[str, set[int]]) -> frozenset[int]:
    """Sentence keys printed by many agencies: counted once per agency, so an agency repeating its own
    text year after year does not make it boilerplate."""
    seen: Counter[int] = Counter()
    for keys in per_agency.values():
        seen.update(keys)
    limit = max(BOILERPLATE_AGENCIES, BOILERPLATE_SHARE * len(per_agency))
    return frozenset(key for key, n in seen.items() if n >= limit)


def own_prose(prose: Prose, common: frozenset[int]) -> Prose:
    """The report's prose without boilerplate."""
    pairs = [(s, k) for s, k in zip(prose.sentences, prose.keys, strict=True) if _key_hash(k) not in common]
    return Prose(tuple(s for s, _ in pairs), tuple(k for _, k in pairs))


def shingles(prose: Prose) -> set[str]:
    text = "|".join(prose.keys)
    return {text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


def _signatures(rows: list[tuple], common: frozenset[int]) -> list[tuple[str, LeanMinHash]]:
    """MinHash signatures of the reports among these rows with prose enough to judge."""
    judged = []
    for report_id, agency, region, _, text in rows:
        own = own_prose(sentences(text, (agency, region)), common)
        if sum(len(k) for k in own.keys) >= MIN_PROSE_CHARS:
            judged.append((report_id, [s.encode("utf-8") for s in shingles(own)]))
    hashes = MinHash.bulk([s for _, s in judged], num_perm=NUM_PERM)
    return [(report_id, LeanMinHash(m)) for (report_id, _), m in zip(judged, hashes, strict=True)]


def _chunks(reports: pd.DataFrame) -> list[list[tuple]]:
    columns = ["report_id", "agency", "region", "year", "body_text"]
    rows = list(reports[columns].itertuples(index=False, name=None))
    return [rows[i : i + CHUNK] for i in range(0, len(rows), CHUNK)]


def _noting(chunks: Iterable[list[tuple]], seen: list[tuple]) -> Iterator[list[tuple]]:
    """The chunks, each report's id, agency, region and year noted in `seen` as they pass (its text
    is not kept). An agency's name and region are held once however many reports print them: a
    million reports' names as read were a quarter of the comparison's memory."""
    for chunk in chunks:
        seen.extend(
            (report_id, _once(agency), _once(region), year) for report_id, agency, region, year, _ in chunk
        )
        yield chunk


def _once(name: str | None) -> str | None:
    return None if name is None else sys.intern(name)


def _in_order(
    pool: ProcessPoolExecutor | None, workers: int, work: Callable, chunks: Iterable, *extra
) -> Iterator:
    """work(chunk, *extra) for every chunk, in order, with at most two chunks per worker in flight:
    the pool's own map would take every chunk at once, and with them every text."""
    if pool is None:
        yield from (work(chunk, *extra) for chunk in chunks)
        return
    ahead: deque = deque()
    for chunk in chunks:
        ahead.append(pool.submit(work, chunk, *extra))
        if len(ahead) >= 2 * workers:
            yield ahead.popleft().result()
    while ahead:
        yield ahead.popleft().result()


@dataclass(frozen=True)
class Comparison:
    pairs: pd.DataFrame  # report, its match, how they relate (RELATIONS) and their similarity
    template: frozenset[int]  # the hashed keys of the sentences found to be boilerplate


# How much lower the worker processes of a comparison run than their parent (see os.nice).
WORKER_NICENESS = 10


def compare(
    reports: pd.DataFrame | None = None,
    texts: Callable[[], Iterable[list[tuple]]] | None = None,
    workers: int = 1,
    timings: dict | None = None,
) -> Comparison:
    """For each report (a row of report_texts.sql: report_id, agency, region, year, body_text), its
    most similar earlier report of the same agency and its most similar report of another agency in
    the same year, where LSH finds one.

    The reports are `texts()`, chunks of those rows read afresh on each call, or else the rows of the
    frame `reports`. They are read twice, a chunk at a time (once for the boilerplate, once for the
    signatures), so memory holds signatures, not texts or shingles: a million reports' texts are never
    in memory at once. `workers` processes share the chunks. `timings`, when given, receives the
    seconds of each stage."""
    timings = {} if timings is None else timings
    clock = time.perf_counter()
    if texts is None:
        texts = functools.partial(_chunks, reports)
    with contextlib.ExitStack() as stack:
        # Niced: a comparison is background work, and the processes beside it (the dashboard's page
        # runs, an ingest) are what people wait for.
        pool = (
            stack.enter_context(
                ProcessPoolExecutor(workers, initializer=os.nice, initargs=(WORKER_NICENESS,))
            )
            if workers > 1
            else None
        )
        per_agency: dict[str, set[int]] = {}
        seen: list[tuple] = []
        for part in _in_order(pool, workers, _agency_keys, _noting(texts(), seen)):
            for agency, keys in part.items():
                per_agency.setdefault(agency, set()).update(keys)
        common = boilerplate(per_agency)
        del per_agency
        timings["prose and boilerplate"] = time.perf_counter() - clock
        clock = time.perf_counter()
        signatures = dict(
            item for part in _in_order(pool, workers, _signatures, texts(), common) for item in part
        )
    timings["MinHash signatures"] = time.perf_counter() - clock
    clock = time.perf_counter()
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for report_id, signature in signatures.items():
            session.insert(report_id, signature, check_duplication=False)
    timings["LSH index"] = time.perf_counter() - clock
    clock = time.perf_counter()
    meta = pd.DataFrame(seen, columns=["report_id", "agency", "region", "year"]).set_index("report_id")
    del seen
    agency_of, year_of = meta["agency"].to_dict(), meta["year"].to_dict()
    rows = []
    for report_id, signature in signatures.items():
        agency, year = agency_of[report_id], year_of[report_id]
        best: dict[str, tuple[float, str]] = {}
        for other in lsh.query(signature):
            o_agency, o_year = agency_of[other], year_of[other]
            if o_agency == agency and o_year < year:
                relation = "own_earlier"
            elif o_agency != agency and o_year == year:
                relation = "other_same_year"
            else:
                continue  # itself, a later year of its own, or another agency's other year
            similarity = signature.jaccard(signatures[other])
            if similarity > best.get(relation, (-1.0, ""))[0]:
                best[relation] = (similarity, other)
        rows += [(report_id, relation, other, sim) for relation, (sim, other) in best.items()]
    pairs = pd.DataFrame(rows, columns=["report_id", "relation", "match_id", "similarity"])
    pairs = pairs.merge(meta, left_on="report_id", right_index=True).merge(
        meta.rename(columns={"agency": "match_agency", "region": "match_region", "year": "match_year"}),
        left_on="match_id",
        right_index=True,
    )
    timings["LSH queries"] = time.perf_counter() - clock
    columns = ["report_id", "agency", "region", "year", "relation", "match_id", "similarity"]
    columns += ["match_agency", "match_region", "match_year"]
    return Comparison(pairs[columns].sort_values("similarity", ascending=False, ignore_index=True), common)


def shared_passages(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The passages two texts share, at least MIN_PASSAGE characters long, as (start, end) in each."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= MIN_PASSAGE]
    return [(m.a, m.a + m.size) for m in blocks], [(m.b, m.b + m.size) for m in blocks]


def prose_text(text: str, names: tuple[str, ...], template: frozenset[int]) -> str:
    """A report's prose as it was compared: its sentences without tables, statistics and template."""
    return "\n".join(own_prose(sentences(text, names), template).sentences)
