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

import duckdb

from metrics.sql_files import sql_text

# Year-on-year: the figures compared (anomalies.sql names their columns), and the change no agency's
# size excuses (the larger year of a pair must reach MIN_JUMP_BASE; a 3 → 40 change is noise, not an error).
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
# Peers: requests_new of agencies of the same kind and level in the same year, at least `min_peers` of
# them (the peer medians' own minimum, metrics.cleaned_layer.MIN_PEERS).
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


def build(con: duckdb.DuckDBPyConnection, min_peers: int) -> None:
    """Table `anomalies` on this connection: every anomaly among the reports of its `report_figures`,
    worst first within a kind (column `ordinal`)."""
    con.execute(sql_text("anomalies"), limits(min_peers))


def limits(min_peers: int) -> dict:
    """The parameters of anomalies.sql: the checks' limits above."""
    return {
        "jump_metrics": list(JUMP_METRICS),
        "min_jump_base": MIN_JUMP_BASE,
        "min_jump_factor": MIN_JUMP_FACTOR,
        "robust_k": ROBUST_K,
        "min_band_pairs": MIN_BAND_PAIRS,
        "mad_to_sd": MAD_TO_SD,
        "rate_base": RATE_BASE,
        "peer_factor": PEER_FACTOR,
        "min_peer_value": MIN_PEER_VALUE,
        "min_peers": min_peers,
    }
