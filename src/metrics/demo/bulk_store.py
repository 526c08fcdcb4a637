"""Generate a store of N synthetic reports straight into the database, without files or parsing.

The text-level generator (metrics.demo.generate) writes report files that ingest must read, about
a hundred a second; a store of a whole country's reports (a million) is built here instead, from
the same declarations: the layouts' cells come from metrics.templates, the sums between them from
the declared identities, so every generated report adds up except where a break is planted, and
those carry the flags validation would give them.

Agencies live in 30 fictional provinces, each with cities, counties and townships; their sizes
span four orders of magnitude, small ones print mostly zeros, demand rises every year and jumps
with the 2019 Regulations, some agencies skip years, some reports are late, undated or revised.
Rows are built as columns (numpy) and loaded with DuckDB bulk inserts from Arrow, a chunk of
reports at a time, so memory holds one chunk.

    python -m metrics.demo.bulk_store data/bulk.duckdb --reports 100000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from metrics import PARSER_VERSION, catalog, queries
from metrics.demo.figures import (
    CASE_RESULTS,
    LEGACY_ANSWERS,
    LEGACY_DENIALS,
    REQUESTER_SHARES,
    STD2021_OTHER_SUBROWS,
    STD_OUTCOMES,
    STD_SUBROWS,
)
from metrics.extract.validation import check_identities
from metrics.models import TOTAL, Fact
from metrics.sql_files import sql_text
from metrics.store import open_for_writing
from metrics.templates import (
    LEGACY_ROWS,
    REQUESTER_COLUMNS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    identities_for,
    section2_cells,
    section3_rows,
)

DEFAULT_SEED = 20240131
YEARS = np.arange(2010, 2026)
STD2019, STD2021, LEGACY_TABLE, LEGACY_PROSE = "std2019", "std2021", "legacy_table", "legacy_prose"
LAYOUTS = (LEGACY_PROSE, LEGACY_TABLE, STD2019, STD2021)
COLUMNS = tuple(c for c, _, _ in REQUESTER_COLUMNS)
REQUESTERS = COLUMNS[:-1]
CHUNK_REPORTS = 50_000
# Shares of reports: a planted identity break (review total off by a few), late publication,
# publication dated before the year was over, no publication date, a second version of the same
# agency-year, and files that failed to read.
BREAK_SHARE = 0.03
LATE_SHARE = 0.06
EARLY_SHARE = 0.005
UNDATED_SHARE = 0.02
REVISED_SHARE = 0.004
FAILED_SHARE = 0.005
# Which cells a prose report states, beside the ones every prose report has.
PROSE_ALWAYS = ("proactive_items", "requests_new", "outcome_granted")
PROSE_SOMETIMES = {
    "outcome_partial": 0.7,
    "outcome_denied": 0.8,
    "outcome_total": 0.3,
    "review_total": 0.8,
    "review_upheld": 0.2,
    "review_corrected": 0.2,
    "review_other": 0.2,
    "litigation_total": 0.7,
    "hearings": 0.4,
    "press_conferences": 0.6,
    "denied_state_secret": 0.05,
    "denied_security_stability": 0.05,
    "unable_not_held": 0.1,
}

# Provinces, cities, counties and townships are named from rare syllables, unlike real places.
_SYLLABLES = "霁岚澜汀苇栖琅翠黛蘅芷璃珩琮瑶川桥湾源岭泉坪洲渚溪屿"
_PROVINCE_KINDS = ("发展和改革委员会", "公安厅", "自然资源厅", "生态环境厅", "教育厅", "卫生健康委员会")
_CITY_KINDS = ("发展和改革委员会", "公安局", "自然资源局", "生态环境局", "教育局", "卫生健康委员会")
_CITY_KINDS += ("市场监督管理局", "人力资源和社会保障局", "住房和城乡建设局", "交通运输局", "民政局")
_COUNTY_KINDS = ("公安局", "教育局", "卫生健康局", "市场监督管理局", "自然资源局", "人力资源和社会保障局")
PROVINCES, CITIES_PER_PROVINCE, COUNTIES_PER_CITY = 30, 11, 8
# Requests a year around 2010 by level (a government draws more than its departments).
_BASE_REQUESTS = {"province": 60.0, "city": 25.0, "county": 6.0, "township": 0.5}


@dataclass(frozen=True)
class Agencies:
    """The agency catalogue as columns, in the order reports are drawn from it."""

    name: np.ndarray
    region: np.ndarray
    level: np.ndarray  # as metadata stores it: county, county_department ...
    kind: np.ndarray
    first_year: np.ndarray
    size: np.ndarray  # requests a year around 2010
    adoption: np.ndarray  # -1 early, 0 on time, +1 late to change layout


@dataclass(frozen=True)
class Summary:
    reports: int
    facts: int
    flags: int
    seconds: float


def _syllables(index: int, width: int) -> str:
    base = len(_SYLLABLES)
    return "".join(_SYLLABLES[(index // base**k) % base] for k in range(width))


def agency_catalogue(n_reports: int, rng: np.random.Generator) -> Agencies:
    """Enough agencies for `n_reports` (about 12 reports each), shuffled so that any prefix holds
    every level and province."""
    rows: list[tuple[str, str, str, str, int]] = []

    def add(region_name: str, path: str, level: str, kinds: tuple[str, ...], first: int) -> None:
        rows.append((f"{region_name}人民政府", path, level, "人民政府", first))
        rows.extend((region_name + k, path, f"{level}_department", k, first) for k in kinds)

    counties = []
    for p in range(PROVINCES):
        province = _syllables(p, 2) + "省"
        add(province, province, "province", _PROVINCE_KINDS, 2008)
        for c in range(CITIES_PER_PROVINCE):
            city = _syllables(p * CITIES_PER_PROVINCE + c + 600, 2) + "市"
            add(city, province + city, "city", _CITY_KINDS, 2008)
            for k in range(COUNTIES_PER_CITY):
                index = (p * CITIES_PER_PROVINCE + c) * COUNTIES_PER_CITY + k
                county = _syllables(index, 3) + ("区" if k % 3 == 0 else "县")
                add(county, province + city + county, "county", _COUNTY_KINDS, 2009)
                counties.append((county, province + city + county))
    townships_per_county = max(3, -(-(n_reports // 12 - len(rows)) // len(counties)))
    for county, path in counties:
        for t in range(townships_per_county):
            suffix = ("镇", "乡", "街道")[t % 3]
            township = _syllables(t, 2) + suffix
            kind = "街道办事处" if suffix == "街道" else "人民政府"
            printed = township + ("办事处" if suffix == "街道" else "人民政府")
            rows.append((county + printed, path + township, "township", kind, 2011))
    order = rng.permutation(len(rows))
    name, region, level, kind, first = (np.array(col, dtype=object) for col in zip(*rows, strict=True))
    base = np.array([_BASE_REQUESTS[lv.removesuffix("_department")] for lv in level])
    government = np.isin(kind, ("人民政府", "街道办事处"))
    # A lognormal spread of sigma 1.3 puts the largest and smallest of one level ~1000x apart.
    size = base * np.where(government, 2.5, 1.0) * rng.lognormal(0.0, 1.3, len(rows))
    adoption = rng.choice([-1, 0, 1], size=len(rows), p=[0.07, 0.84, 0.09])
    return Agencies(
        name[order],
        region[order],
        level[order],
        kind[order],
        first.astype(int)[order],
        size[order],
        adoption[order],
    )


def layout_of(year: np.ndarray, adoption: np.ndarray) -> np.ndarray:
    """Prose to 2014, tables to 2018, the 2019 standard to 2020, the 2021 standard after; early and
    late adopters change a year before or after the rest (never before a layout was issued)."""
    shift = np.where(adoption > 0, 1, 0)
    early = np.where(adoption < 0, 1, 0)
    out = np.full(year.shape, STD2021, dtype=object)
    out[year <= 2020 + shift] = STD2019
    out[year <= 2018 + shift] = LEGACY_TABLE
    out[year <= 2014 + shift - early] = LEGACY_PROSE
    return out


# ---- cells and their sums --------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    fmt: str
    cells: tuple[tuple[str, str], ...]  # (metric_id, requester column), in printed order
    weights: dict[str, float]  # leaf draws: expected value per request of the report's year


def _std_cells(fmt: str) -> list[tuple[str, str]]:
    section2 = list(dict.fromkeys(c.metric_id for c in section2_cells(fmt)))
    cells = [(m, TOTAL) for m in section2]
    cells += [(r.metric_id, col) for r in section3_rows(fmt) for col in COLUMNS]
    cells += [(f"{g}_{c}", TOTAL) for g, _ in SECTION4_GROUPS for c, _ in SECTION4_COLUMNS]
    return cells


def _weights() -> dict[str, float]:
    """Expected value of a leaf cell per request the report's agency received that year."""
    w = dict(STD_OUTCOMES)
    for parent, shares in STD_SUBROWS.items():
        w.update({k: v * STD_OUTCOMES[parent] for k, v in shares.items()})
    w.update({k: v * STD_OUTCOMES["outcome_other"] for k, v in STD2021_OTHER_SUBROWS.items()})
    w.update(LEGACY_ANSWERS)
    w.update({k: v * LEGACY_ANSWERS["outcome_denied"] for k, v in LEGACY_DENIALS.items()})
    w.update({"requests_carried_over": 0.05, "requests_carried_forward": 0.05})
    for group, rate in (("review", 0.02), ("lit_direct", 0.008), ("lit_after_review", 0.004)):
        w.update({f"{group}_{k}": rate * v for k, v in CASE_RESULTS.items()})
    w.update({f"litigation_{k}": 0.01 * v for k, v in CASE_RESULTS.items()})
    w.update({f"complaints_{k}": 0.01 * v for k, v in CASE_RESULTS.items()})
    w.update(
        {"requests_in_person": 0.3, "requests_fax": 0.02, "requests_online": 0.5, "requests_letter": 0.15}
    )
    w.update({"requests_email": 0.03, "requests_closed_on_time": 0.9, "requests_closed_extended": 0.05})
    # Proactive disclosure and decisions scale with the agency too, more steeply than requests.
    w.update({"proactive_items": 20.0, "licensing_decisions": 40.0, "penalty_decisions": 15.0})
    w.update(
        {"coercion_decisions": 2.0, "other_services_decisions": 10.0, "procurement_amount_10k_yuan": 8.0}
    )
    w.update({"fees_collected_10k_yuan": 0.1, "rules_in_force": 0.3, "normative_in_force": 2.0})
    w.update(
        {"rules_issued": 0.02, "rules_abolished": 0.01, "normative_issued": 0.2, "normative_abolished": 0.1}
    )
    return w


def layouts() -> dict[str, Layout]:
    weights = _weights()
    prose = [
        (m.metric_id, TOTAL)
        for m in catalog.metrics().values()
        if LEGACY_PROSE in queries.formats_of(m) and m.metric_id in PROSE_ALWAYS + tuple(PROSE_SOMETIMES)
    ]
    legacy = [(m, TOTAL) for m in dict.fromkeys(r.metric_id for r in LEGACY_ROWS)]
    return {
        LEGACY_PROSE: Layout(LEGACY_PROSE, tuple(prose), weights),
        LEGACY_TABLE: Layout(LEGACY_TABLE, tuple(legacy), weights),
        STD2019: Layout(STD2019, tuple(_std_cells(STD2019)), weights),
        STD2021: Layout(STD2021, tuple(_std_cells(STD2021)), weights),
    }


def _draw_leaves(
    layout: Layout, demand: np.ndarray, rng: np.random.Generator
) -> dict[tuple[str, str], np.ndarray]:
    """A Poisson draw for every cell; cells that are sums are overwritten by _apply_identities.
    Small agencies' means are well below one, so most of their cells are zero."""
    values = {}
    for metric_id, column in layout.cells:
        if column == TOTAL and (metric_id, REQUESTERS[0]) in layout.cells:
            continue  # the 总计 column of section 三 is the sum of the requester columns
        share = REQUESTER_SHARES.get(column, 1.0)
        mean = demand * layout.weights.get(metric_id, 0.05) * share
        if metric_id.endswith("_change"):  # 本年增/减 goes either way
            values[(metric_id, column)] = rng.poisson(mean) - rng.poisson(mean)
        else:
            values[(metric_id, column)] = rng.poisson(mean)
    return values


def _apply_identities(layout: Layout, values: dict, present: dict[str, np.ndarray]) -> None:
    """Make every declared identity of the layout hold: parents are the sums of their parts, a total
    that only bounds its stated parts is its own draw plus them, 本年新收 balances section 三."""
    declared = identities_for(layout.fmt)
    columns = REQUESTERS if any(c != TOTAL for _, c in layout.cells) else (TOTAL,)
    pending = [i for i in declared if i.kind in ("sum", "parts_within_total") and len(i.left) == 1]
    equal_lefts = {i.left[0] for i in pending if i.kind == "sum"}
    # Parents before grandparents: an identity waits while one of its parts is still a pending left.
    while pending:
        lefts = {i.left[0] for i in pending}
        ready = [i for i in pending if not lefts & set(i.right)]
        for identity in ready:
            if identity.kind == "parts_within_total" and identity.left[0] in equal_lefts:
                continue  # the equality decides this total
            for column in columns if identity.per_column else (TOTAL,):
                _sum_into(identity, column, values, present)
        pending = [i for i in pending if i not in ready]
    if layout.fmt in (STD2019, STD2021):
        for column in REQUESTERS:
            handled = values[("outcome_total", column)] + values[("requests_carried_forward", column)]
            carried = np.minimum(values[("requests_carried_over", column)], handled)
            values[("requests_carried_over", column)] = carried
            values[("requests_new", column)] = handled - carried
        for metric_id, column in layout.cells:
            if column == TOTAL and (metric_id, REQUESTERS[0]) in layout.cells:
                values[(metric_id, TOTAL)] = sum(values[(metric_id, c)] for c in REQUESTERS)


def _sum_into(identity, column: str, values: dict, present: dict[str, np.ndarray]) -> None:
    left = (identity.left[0], column)
    if left not in values:
        return
    parts = [values[(m, column)] * present.get(m, True) for m in identity.right if (m, column) in values]
    total = sum(parts) if parts else 0
    values[left] = total if identity.kind == "sum" else values[left] + total


# ---- reports ---------------------------------------------------------------------------------------


def planned_reports(n_reports: int, seed: int) -> tuple[Agencies, np.ndarray, np.ndarray]:
    """(agencies, agency index, year) of the first `n_reports` reports: agencies in catalogue order,
    each with the years it reported (some skip years), plus a few revised versions."""
    rng = np.random.default_rng(seed)
    agencies = agency_catalogue(n_reports, rng)
    skip = rng.choice([0.0, 0.05, 0.12, 0.25], size=len(agencies.name))
    reported = (YEARS[None, :] >= agencies.first_year[:, None]) & (
        rng.random((len(agencies.name), len(YEARS))) >= skip[:, None]
    )
    agency, year_index = np.nonzero(reported)
    revised = rng.random(len(agency)) < REVISED_SHARE
    agency = np.concatenate([agency, agency[revised]])
    year_index = np.concatenate([year_index, year_index[revised]])
    order = np.argsort(agency * len(YEARS) + year_index, kind="stable")[:n_reports]
    if len(order) < n_reports:
        raise ValueError(f"the catalogue yields only {len(order)} reports")
    return agencies, agency[order], YEARS[year_index[order]]


def _report_ids(seed: int, n: int) -> list[str]:
    """16 hex digits, as ingest derives them from content; here drawn at random and handed out in
    ascending order, so that facts loaded chunk after chunk are stored in report order."""
    rng = np.random.default_rng([seed, n])
    ids = np.unique(rng.integers(0, 2**63, size=n + n // 1000 + 16, dtype=np.int64))
    while len(ids) < n:  # a collision among 2**63 values: draw again
        ids = np.unique(np.concatenate([ids, rng.integers(0, 2**63, size=n, dtype=np.int64)]))
    chosen = np.sort(rng.choice(ids, size=n, replace=False))
    return [f"{x:016x}" for x in chosen.tolist()]


def _published(year: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Publication dates in the weeks before the legal deadline (31 March to 2018, 31 January after),
    never before the year is over; some late, a few dated within their own year (a finding), some
    undated (NaT)."""
    legacy = year <= 2018
    deadline = np.where(
        legacy,
        (year + 1 - 1970).astype("datetime64[Y]") + np.timedelta64(89, "D"),
        (year + 1 - 1970).astype("datetime64[Y]") + np.timedelta64(30, "D"),
    ).astype("datetime64[D]")
    n = len(year)
    draw = rng.random(n)
    offset = np.select(
        [draw < LATE_SHARE, draw < LATE_SHARE + EARLY_SHARE],
        [rng.integers(1, 121, n), -rng.integers(95, 120, n)],
        -rng.integers(0, np.where(legacy, 76, 30)),
    )
    published = deadline + offset.astype("timedelta64[D]")
    return np.where(rng.random(len(year)) < UNDATED_SHARE, np.datetime64("NaT"), published)


def generate_store(db: Path, n_reports: int, seed: int = DEFAULT_SEED) -> Summary:
    """Write `n_reports` synthetic reports (with facts, flags and ingest log) into a new database at
    `db`, through the store's writer, so it is swapped in whole when complete."""
    started = time.perf_counter()
    agencies, agency, year = planned_reports(n_reports, seed)
    ids = _report_ids(seed, n_reports)
    declared = layouts()
    facts = flags = 0
    with open_for_writing(db, fresh=True) as writer:
        for chunk in _chunks(n_reports):
            tables = _chunk_tables(agencies, agency[chunk], year[chunk], ids[chunk], declared, seed, chunk)
            facts += tables["new_facts"].num_rows
            flags += tables["new_flags"].num_rows
            for name, table in tables.items():
                writer.con.register(name, table)
            writer.con.execute(sql_text("bulk_insert"))
            for name in tables:
                writer.con.unregister(name)
        writer.refresh_cross_year_flags()
        writer.changed = True
    return Summary(n_reports, facts, flags, time.perf_counter() - started)


def _chunks(n: int) -> Iterator[slice]:
    for start in range(0, n, CHUNK_REPORTS):
        yield slice(start, min(n, start + CHUNK_REPORTS))


def _chunk_tables(
    agencies: Agencies,
    agency: np.ndarray,
    year: np.ndarray,
    ids: list[str],
    declared: dict[str, Layout],
    seed: int,
    chunk: slice,
) -> dict[str, pa.Table]:
    rng = np.random.default_rng([seed, chunk.start])
    n = len(agency)
    fmt = layout_of(year, agencies.adoption[agency])
    # Demand grows 10 % a year and jumps by half when the 2019 Regulations take effect.
    demand = agencies.size[agency] * 1.10 ** (year - 2010) * np.where(year >= 2019, 1.5, 1.0)
    report_id = np.array(ids, dtype=object)
    fact_parts, flag_rows = [], []
    # A report continues the one before it when that is the same agency's previous year.
    follows = np.zeros(n, bool)
    follows[1:] = (agency[1:] == agency[:-1]) & (year[1:] == year[:-1] + 1)
    carried: dict[tuple[str, str], np.ndarray] = {}
    for layout in LAYOUTS:
        rows = np.nonzero(fmt == layout)[0]
        if len(rows):
            links = Links(rows, follows, carried)
            parts, flagged = _layout_facts(declared[layout], links, demand[rows], report_id, rng)
            fact_parts += parts
            flag_rows += flagged
    name = agencies.name[agency]
    # A revised version is another file of the same agency and year.
    file_path = np.array(
        [f"/bulk/{a}/{y}-{i}.html" for a, y, i in zip(name, year, ids, strict=True)], dtype=object
    )
    now = datetime(2026, 1, 1)
    failed = rng.random(n) < FAILED_SHARE
    reports = pa.table(
        {
            "report_id": pa.array(report_id, pa.string()),
            "file_path": pa.array(file_path, pa.string()),
            "content_hash": pa.array([i * 4 for i in ids], pa.string()),
            "title": pa.array([f"{a}{y}年政府信息公开工作年度报告" for a, y in zip(name, year, strict=True)]),
            "agency": pa.array(name, pa.string()),
            "region": pa.array(agencies.region[agency], pa.string()),
            "level": pa.array(agencies.level[agency], pa.string()),
            "agency_type": pa.array(agencies.kind[agency], pa.string()),
            "year": pa.array(year, pa.int32()),
            "published": pa.array(_published(year, rng)),
            "format": pa.array(fmt, pa.string()),
            "parser_version": pa.array([PARSER_VERSION] * n, pa.string()),
            "ingested_at": pa.array([now] * n, pa.timestamp("us")),
        }
    )
    log = pa.table(
        {
            "file_path": pa.array(
                np.concatenate(
                    [file_path, [f"/bulk/failed/{i}.pdf" for i in np.nonzero(failed)[0] + chunk.start]]
                ),
                pa.string(),
            ),
            "report_id": pa.array(np.concatenate([report_id, [None] * int(failed.sum())]), pa.string()),
            "format": pa.array(np.concatenate([fmt, [None] * int(failed.sum())]), pa.string()),
        }
    )
    return {
        "new_reports": reports,
        "new_facts": pa.concat_tables(fact_parts),
        "new_flags": _flags_table(flag_rows),
        "new_log": log,
    }


@dataclass(frozen=True)
class Links:
    """What carries over from a report to the next year's: 结转下年度 becomes 上年结转, and a 2021
    layout's stock of documents in force moves by what was issued and abolished."""

    rows: np.ndarray  # this layout's reports, as rows of the chunk
    follows: np.ndarray  # per chunk row: it is the same agency's report of the year after the row before
    forward: dict[tuple[str, str], np.ndarray]  # per chunk row, filled as layouts are generated

    def continue_from_last_year(self, values: dict) -> None:
        previous = self.rows - 1
        linked = self.follows[self.rows]
        for (metric_id, column), v in list(values.items()):
            if metric_id == "requests_carried_forward":
                self.forward.setdefault(column, np.full(len(self.follows), -1))[self.rows] = v
        for column, forward in self.forward.items():
            key = ("requests_carried_over", column)
            if key in values:
                last = forward[previous]
                values[key] = np.where(linked & (last >= 0), last, values[key])
        for kind in ("rules", "normative"):
            if (f"{kind}_abolished", TOTAL) in values:
                self._stock(values, kind, linked)

    def _stock(self, values: dict, kind: str, linked: np.ndarray) -> None:
        """现行有效 = last year's + 本年制发 − 本年废止 along each run of consecutive 2021-layout years."""
        stock = values[(f"{kind}_in_force", TOTAL)]
        change = values[(f"{kind}_issued", TOTAL)] - values[(f"{kind}_abolished", TOTAL)]
        runs = np.cumsum(~(linked & np.concatenate([[False], np.diff(self.rows) == 1])))
        start = np.zeros(runs.max() + 1, stock.dtype)
        start[runs[::-1]] = stock[::-1]  # the first value of each run
        moved = np.cumsum(change) - np.cumsum(change)[np.searchsorted(runs, runs)]
        values[(f"{kind}_in_force", TOTAL)] = np.maximum(start[runs] + moved, 0)


def _layout_facts(
    layout: Layout, links: Links, demand: np.ndarray, report_id: np.ndarray, rng: np.random.Generator
) -> tuple[list[pa.Table], list[tuple]]:
    rows = links.rows
    n = len(rows)
    if layout.fmt == LEGACY_PROSE:
        present = {m: np.ones(n, bool) for m in PROSE_ALWAYS}
        present.update({m: rng.random(n) < p for m, p in PROSE_SOMETIMES.items()})
    else:
        present = {}
    values = _draw_leaves(layout, demand, rng)
    links.continue_from_last_year(values)
    _apply_identities(layout, values, present)
    broken = _plant_breaks(layout, values, rng)
    ids = pa.array(report_id[rows], pa.string())
    tables = []
    for metric_id, column in layout.cells:
        keep = present.get(metric_id)
        index = np.arange(n) if keep is None else np.nonzero(keep)[0]
        tables.append(
            pa.table(
                {
                    "report_id": ids.take(pa.array(index)),
                    "metric_id": pa.array(np.full(len(index), metric_id, dtype=object), pa.string()),
                    "requester_column": pa.array(np.full(len(index), column, dtype=object), pa.string()),
                    "value": pa.array(values[(metric_id, column)][index].astype(np.float64)),
                }
            )
        )
    flagged = []
    for i in np.nonzero(broken)[0]:
        facts = [
            Fact(m, float(values[(m, c)][i]), c)
            for m, c in layout.cells
            if present.get(m) is None or present[m][i]
        ]
        flagged += [(report_id[rows[i]], f) for f in check_identities(facts, layout.fmt)]
    return tables, flagged


def _plant_breaks(layout: Layout, values: dict, rng: np.random.Generator) -> np.ndarray:
    """Tables that do not add up: the review total printed a few higher than its parts, in a share of
    table reports (prose states no sum that must hold)."""
    n = len(next(iter(values.values())))
    if layout.fmt == LEGACY_PROSE:
        return np.zeros(n, bool)
    broken = rng.random(n) < BREAK_SHARE
    values[("review_total", TOTAL)] = values[("review_total", TOTAL)] + broken * rng.integers(1, 4, n)
    return broken


def _flags_table(rows: list[tuple]) -> pa.Table:
    return pa.table(
        {
            "report_id": pa.array([r for r, _ in rows], pa.string()),
            "code": pa.array([f.code for _, f in rows], pa.string()),
            "message": pa.array([f.message for _, f in rows], pa.string()),
            "metric_id": pa.array([f.metric_id for _, f in rows], pa.string()),
            "requester_column": pa.array([f.column for _, f in rows], pa.string()),
            "severity": pa.array([f.severity for _, f in rows], pa.string()),
        }
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m metrics.demo.bulk_store", description=__doc__.splitlines()[0]
    )
    parser.add_argument("db", type=Path)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    s = generate_store(args.db, args.reports, args.seed)
    print(
        f"{s.reports} reports, {s.facts} facts, {s.flags} identity flags written to {args.db} in {s.seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
