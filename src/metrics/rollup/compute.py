"""A region's figures for one year, added up cell by cell from its agencies' current reports into the
2021 tables (metrics.rollup.layout), with the identities of the sum checked by the same validation
ingest runs on a report.

Reports of the 2019 layout fill the 2021 cells the template gives both layouts; reports before 2019
fill them through the era mapping (metrics.eras). Figures with no cell of their own in the 2021 tables
are not dropped silently: each is listed with its sum and why it has no place.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from metrics import eras, queries
from metrics.extract.validation import check_identities
from metrics.formats import STD2019, STD2021
from metrics.models import Fact, Flag
from metrics.rollup.layout import CELLS, LAYOUT, METRICS
from metrics.templates import section2_cells, section3_rows

_WHY = {c.legacy_metric: c.why for c in eras.LEGACY_SERIES}


@dataclass(frozen=True)
class Selection:
    """Which agencies a roll-up adds up: a region (with every place under it), a year, and optionally
    some levels and agency kinds. An empty region is the whole database."""

    region: str
    year: int
    levels: tuple[str, ...] = ()
    agency_types: tuple[str, ...] = ()

    def params(self) -> dict:
        return {
            "region": self.region,
            "year": self.year,
            "levels": list(self.levels),
            "agency_types": list(self.agency_types),
        }


@dataclass
class Rollup:
    selection: Selection
    values: dict[tuple[str, str], float]  # (metric, requester column) -> the sum
    reports: pd.DataFrame  # the reports added up, one per agency (current versions)
    missing: pd.DataFrame  # agencies of the region with a report in other years but not this one
    unmapped: pd.DataFrame  # figures without a 2021 cell: format, metric, value, reports, why
    breaks: list[Flag] = field(default_factory=list)  # identities the sum does not satisfy

    @property
    def flagged(self) -> pd.DataFrame:
        """The reports added up that carry findings (an identity break, a break across years ...)."""
        return self.reports[self.reports["warnings"] > 0]


@functools.cache
def _standard_only_cells(fmt: str) -> frozenset[str]:
    """Figures the template declares for a standard layout that the 2021 tables do not print."""
    declared = {c.metric_id for c in section2_cells(fmt)} | {r.metric_id for r in section3_rows(fmt)}
    return frozenset(declared - METRICS)


def place(metric_id: str, fmt: str) -> tuple[str | None, str]:
    """The 2021 metric a figure of this layout adds to, or None and why it has none; ("", "") for a
    figure that is only derived from printed cells (it is counted through them)."""
    if fmt == STD2021 or (fmt == STD2019 and metric_id not in _standard_only_cells(STD2019)):
        return (metric_id, "") if metric_id in METRICS else ("", "")
    if fmt == STD2019:
        return None, "2019 年格式独有的栏目，2021 年表格不再印制"
    series = eras.series_id(metric_id, fmt)
    if series is None:
        return None, _WHY.get(metric_id, "没有对应的 2019 年后指标")
    if series not in METRICS:
        return None, f"{_WHY.get(metric_id, series)}；2021 年表格中没有这一栏"
    return series, ""


def compute(con: duckdb.DuckDBPyConnection, selection: Selection) -> Rollup:
    params = selection.params()
    reports = queries.run(con, "rollup_reports", params)
    missing = queries.run(con, "rollup_missing", params)
    sums = queries.run(con, "rollup_cells", params)
    values: dict[tuple[str, str], float] = {}
    unmapped = []
    for r in sums.itertuples(index=False):
        if pd.isna(r.value):  # only "not applicable" cells
            continue
        target, why = place(r.metric_id, r.format)
        if target is None:
            unmapped.append((r.format, r.metric_id, r.value, r.reports, why))
        elif target and (target, r.requester_column) in CELLS:
            key = (target, r.requester_column)
            values[key] = values.get(key, 0.0) + float(r.value)
    facts = [Fact(metric, value, column) for (metric, column), value in values.items()]
    return Rollup(
        selection=selection,
        values=values,
        reports=reports,
        missing=missing,
        unmapped=pd.DataFrame(unmapped, columns=["format", "metric_id", "value", "reports", "why"]),
        breaks=check_identities(facts, LAYOUT),
    )
