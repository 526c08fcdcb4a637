"""Figures that cannot be right, found by comparing each report with its own other years and with its
peers: year-on-year jumps far beyond what agencies of its size show, rates of 0 % or 100 % on many
requests, a carried-over count that is not last year's carried-forward count, and figures far out of
line with agencies of the same kind and level in the same year.

Each anomaly is a row of numbers (the figure, what it is compared with, by how much); the dashboard
says it as a sentence in the interface language. Its code keys the stored follow-up status
(flag_reviews), so "checked, correct as printed" is recorded as for any finding; the carried-over
break keeps the code of the same check stored at ingest (across_years:carried_over), so its status
is one on both pages.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from metrics.queries import MIN_PEERS

# Year-on-year: the figures compared, and the change no agency's size excuses (the larger year of a
# pair must reach MIN_JUMP_BASE; a 3 → 40 change is noise, not an error).
JUMP_METRICS = ("requests_new", "outcome_total", "review_total", "litigation_total")
MIN_JUMP_BASE = 100
MIN_JUMP_FACTOR = 10.0
# The robust limit for a size band: median + ROBUST_K median absolute deviations of the log change of
# every agency of that size (1.4826 makes the MAD a standard deviation for normal data).
ROBUST_K = 6.0
MIN_BAND_PAIRS = 20  # fewer pairs than this set no limit of their own
MAD_TO_SD = 1.4826
# Rates of 0 % or 100 % count only over at least this many handled requests.
RATE_BASE = 100
# Peers: the same figure of agencies of the same kind and level in the same year.
PEER_METRICS = ("requests_new",)
PEER_FACTOR = 20.0
MIN_PEER_VALUE = 100  # the larger of the figure and the peers' median

COLUMNS = [
    "report_id",
    "agency",
    "region",
    "level",
    "agency_type",
    "year",
    "format",
    "kind",
    "code",
    "metric_id",
    "value",  # the figure judged
    "reference",  # what it is compared with: last year's figure, the rate's base, the peers' median
    "factor",  # how many times larger (or smaller) than the reference
    "limit",  # the factor the check allows here
    "peers",  # how many peers the median stands on
]


def find(figures: pd.DataFrame) -> pd.DataFrame:
    """Every anomaly among these reports (rows of anomaly_figures.sql), worst first within a kind."""
    found = [_jumps(figures, m) for m in JUMP_METRICS]
    found += [_extreme_rates(figures), _carried_breaks(figures)]
    found += [_peer_outliers(figures, m) for m in PEER_METRICS]
    found = [f for f in found if not f.empty]
    if not found:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(found, ignore_index=True)[COLUMNS].sort_values(
        ["kind", "factor"], ascending=[True, False], ignore_index=True
    )


def _pairs(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Each report with the same agency's figure of the year before (where both are printed)."""
    cur = figures[figures[metric].notna()]
    prev = cur[["agency", "year", metric]].assign(year=lambda d: d["year"] + 1)
    return cur.merge(prev, on=["agency", "year"], suffixes=("", "_prev"))


def _jumps(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    pairs = _pairs(figures, metric)
    if pairs.empty:
        return pd.DataFrame()
    before, after = pairs[f"{metric}_prev"].astype(float), pairs[metric].astype(float)
    change = np.log10((after + 1) / (before + 1))
    # Size bands by the smaller year (small agencies swing more, and a jump must not move itself into a
    # band of its own); a band with too few pairs to judge by takes the limit of all pairs together.
    band = np.floor(np.log10(np.minimum(before, after) + 1))
    pooled = _robust_limit(change)
    limit = pd.Series(pooled, index=pairs.index)
    for _, idx in change.groupby(band).groups.items():
        if len(idx) >= MIN_BAND_PAIRS:
            limit[idx] = _robust_limit(change[idx])
    hit = (change.abs() > limit) & (np.maximum(before, after) >= MIN_JUMP_BASE)
    return pairs[hit].assign(
        kind=np.where(change[hit] > 0, "jump_up", "jump_down"),
        code=f"anomaly:jump:{metric}",
        metric_id=metric,
        value=after[hit],
        reference=before[hit],
        factor=_times(after[hit], before[hit]),
        limit=10 ** limit[hit],
        peers=np.nan,
    )


def _robust_limit(change: pd.Series) -> float:
    """The log10 change beyond which a pair is out of line with these pairs, never under MIN_JUMP_FACTOR."""
    floor = float(np.log10(MIN_JUMP_FACTOR))
    if len(change) < MIN_BAND_PAIRS:
        return floor
    median = change.median()
    mad = (change - median).abs().median()
    return max(floor, abs(median) + ROBUST_K * MAD_TO_SD * mad)


def _times(a: pd.Series, b: pd.Series) -> pd.Series:
    """How many times the larger of two counts is the smaller (a zero counts as one)."""
    return np.maximum(a, b) / np.maximum(np.minimum(a, b), 1)


def _extreme_rates(figures: pd.DataFrame) -> pd.DataFrame:
    base = figures["outcome_total"]
    large = figures[base.notna() & (base >= RATE_BASE)]
    rules = {
        "refusal_all": large["refused"] == large["outcome_total"],
        "grant_none": large["granted_or_partial"] == 0,
        "grant_all": large["granted_or_partial"] == large["outcome_total"],
    }
    found = [
        large[hit].assign(
            kind=kind,
            code=f"anomaly:rate:{kind}",
            metric_id="outcome_total",
            value=large.loc[hit, "outcome_total"],
            reference=large.loc[hit, "outcome_total"],
            factor=np.nan,
            limit=np.nan,
            peers=np.nan,
        )
        for kind, hit in rules.items()
        if hit.any()
    ]
    return pd.concat(found) if found else pd.DataFrame()


def _carried_breaks(figures: pd.DataFrame) -> pd.DataFrame:
    """This year's 上年结转 against last year's 结转下年度继续办理 (the same check ingest stores)."""
    cur = figures[figures["requests_carried_over"].notna()]
    prev = figures.loc[
        figures["requests_carried_forward"].notna(), ["agency", "year", "requests_carried_forward"]
    ]
    pairs = cur.merge(prev.assign(year=prev["year"] + 1), on=["agency", "year"], suffixes=("", "_prev"))
    pairs = pairs[pairs["requests_carried_over"] != pairs["requests_carried_forward_prev"]]
    return pairs.assign(
        kind="carried",
        code="across_years:carried_over",
        metric_id="requests_carried_over",
        value=pairs["requests_carried_over"],
        reference=pairs["requests_carried_forward_prev"],
        factor=np.nan,
        limit=np.nan,
        peers=np.nan,
    )


def _peer_outliers(figures: pd.DataFrame, metric: str) -> pd.DataFrame:
    """A figure PEER_FACTOR times above or below the median of the other agencies of the same kind
    and level that year (more than MIN_PEERS of them); the agency itself is left out of its median."""
    known = figures[figures[metric].notna() & figures["agency_type"].fillna("").ne("")]
    groups = known.groupby(["year", "agency_type", "level"])[metric]
    peers = groups.transform("size") - 1
    median = groups.transform(lambda v: pd.Series(_medians_without_each(v.to_numpy(float)), index=v.index))
    value = known[metric].astype(float)
    factor = _times(value, median)
    hit = (peers >= MIN_PEERS) & (factor >= PEER_FACTOR) & (np.maximum(value, median) >= MIN_PEER_VALUE)
    return known[hit].assign(
        kind=np.where(value[hit] > median[hit], "peers_high", "peers_low"),
        code=f"anomaly:peers:{metric}",
        metric_id=metric,
        value=value[hit],
        reference=median[hit],
        factor=factor[hit],
        limit=PEER_FACTOR,
        peers=peers[hit],
    )


def _medians_without_each(values: np.ndarray) -> np.ndarray:
    """For each value, the median of all the others: one sort, not one median per value."""
    n = len(values)
    if n < 2:
        return np.full(n, np.nan)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    rank = np.empty(n, dtype=int)
    rank[order] = np.arange(n)

    def kth_of_others(k: int) -> np.ndarray:
        # Without the value at `rank`, the k-th of the others is ordered[k] below it, ordered[k + 1] from it.
        return np.where(k < rank, ordered[k], ordered[min(k + 1, n - 1)])

    m = n - 1
    if m % 2:
        return kth_of_others(m // 2)
    return (kth_of_others(m // 2 - 1) + kth_of_others(m // 2)) / 2
