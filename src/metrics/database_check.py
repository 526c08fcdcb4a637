"""`ogi check`: what a database holds is consistent. Every report read as 'ok' has its facts, no row
points at nothing, the identity flags are the ones the stored facts give today, and every agency
and year has exactly one current version."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import duckdb

from metrics.extract.validation import check_identities
from metrics.models import Fact
from metrics.sql_files import sql_text

_SQL_CHECKS = ("check_reports_without_facts", "check_orphans", "check_versions")


@dataclass(frozen=True)
class Finding:
    finding: str  # what is wrong
    subject: str  # the report, file or agency and year it concerns
    detail: str


def findings(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Everything wrong with the database attached as `raw` on `con` (a snapshot connection)."""
    found = []
    for name in _SQL_CHECKS:
        found += [Finding(*row) for row in con.execute(sql_text(name)).fetchall()]
    return found + identity_differences(con)


def identity_differences(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Reports whose stored identity flags differ from those their stored facts give when re-run."""
    stored: dict[str, Counter] = defaultdict(Counter)
    for report_id, code, metric_id, column in con.execute(sql_text("stored_identity_flags")).fetchall():
        stored[report_id][(code, metric_id, column)] += 1
    rerun: dict[str, Counter] = {}
    for report_id, (fmt, facts) in _facts_by_report(con).items():
        rerun[report_id] = Counter((f.code, f.metric_id, f.column) for f in check_identities(facts, fmt))
    differences = []
    for report_id in sorted(stored.keys() | rerun.keys()):
        before, again = stored.get(report_id, Counter()), rerun.get(report_id, Counter())
        if before != again:
            differences.append(
                Finding("identity flags differ from a re-run", report_id, _difference(before, again))
            )
    return differences


def _facts_by_report(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, list[Fact]]]:
    by_report: dict[str, tuple[str, list[Fact]]] = {}
    for report_id, fmt, metric_id, column, value, approximate, derived in con.execute(
        sql_text("stored_facts")
    ).fetchall():
        fact = Fact(metric_id, value, column, approximate=approximate, derived=derived)
        by_report.setdefault(report_id, (fmt, []))[1].append(fact)
    return by_report


def _difference(stored: Counter, rerun: Counter) -> str:
    parts = []
    if stored - rerun:
        parts.append("stored only: " + ", ".join(sorted(code for code, _, _ in stored - rerun)))
    if rerun - stored:
        parts.append("re-run only: " + ", ".join(sorted(code for code, _, _ in rerun - stored)))
    return "; ".join(parts)
