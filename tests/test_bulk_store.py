"""The facts-level generator: declared metric ids only, identities that hold except where a break is
planted (and flagged), as many reports stored as asked for, spread over levels, years and sizes."""

from __future__ import annotations

from collections import defaultdict

import duckdb
import pytest

from metrics import catalog, queries
from metrics.demo.bulk_store import generate_store
from metrics.extract.validation import check_identities
from metrics.models import Fact

N_REPORTS = 3000


@pytest.fixture(scope="module")
def bulk_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("bulk") / "ogi.duckdb"
    summary = generate_store(db, N_REPORTS, seed=7)
    con = duckdb.connect(str(db), read_only=True)
    yield con, summary, db
    con.close()


def test_every_report_asked_for_is_stored_with_its_log_row(bulk_db):
    con, summary, _ = bulk_db
    assert summary.reports == N_REPORTS
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == N_REPORTS
    logged = con.execute("SELECT count(*) FROM ingest_log WHERE status = 'ok'").fetchone()[0]
    assert logged == N_REPORTS
    assert con.execute("SELECT count(*) FROM ingest_log WHERE status = 'failed'").fetchone()[0] > 0


def test_facts_use_only_the_metric_ids_declared_for_their_layout(bulk_db):
    con, _, _ = bulk_db
    declared = {(m.metric_id, fmt) for m in catalog.metrics().values() for fmt in queries.formats_of(m)}
    stored = set(
        con.execute(
            "SELECT DISTINCT f.metric_id, r.format FROM facts f JOIN reports r USING (report_id)"
        ).fetchall()
    )
    assert stored <= declared
    assert {fmt for _, fmt in stored} == {"legacy_prose", "legacy_table", "std2019", "std2021"}


def test_identities_hold_except_in_reports_with_a_planted_break_which_carry_its_flags(bulk_db):
    con, _, _ = bulk_db
    facts = defaultdict(list)
    fmt_of = dict(con.execute("SELECT report_id, format FROM reports").fetchall())
    for report_id, metric_id, column, value in con.execute(
        "SELECT report_id, metric_id, requester_column, value FROM facts"
    ).fetchall():
        facts[report_id].append(Fact(metric_id, value, column))
    stored = defaultdict(set)
    for report_id, code, column in con.execute(
        "SELECT report_id, code, requester_column FROM flags WHERE scope = 'report'"
    ).fetchall():
        stored[report_id].add((code, column))
    found = {
        report_id: {(f.code, f.column) for f in check_identities(report_facts, fmt_of[report_id])}
        for report_id, report_facts in facts.items()
    }
    assert {r: codes for r, codes in found.items() if codes} == dict(stored)
    assert 0 < len(stored) < N_REPORTS * 0.1


def test_agencies_span_levels_and_four_orders_of_magnitude_with_many_zeros(bulk_db):
    con, _, _ = bulk_db
    levels = {
        lv
        for (lv,) in con.execute("SELECT DISTINCT replace(level, '_department', '') FROM reports").fetchall()
    }
    assert {"county", "township", "city"} <= levels
    smallest, largest, zeros = con.execute(
        """SELECT quantile_cont(value, 0.05), max(value), avg((value = 0)::INT)
           FROM facts WHERE metric_id = 'requests_new' AND requester_column = 'total' AND value > 0"""
    ).fetchone()
    assert largest / smallest >= 1000
    share_zero = con.execute("SELECT avg((value = 0)::INT) FROM facts").fetchone()[0]
    assert share_zero > 0.3
    assert zeros == 0


def test_requests_rise_after_2019_and_some_years_are_missing_or_late(bulk_db):
    con, _, db = bulk_db
    per_report = dict(
        con.execute(
            """SELECT r.year >= 2019, avg(f.value) FROM facts f JOIN reports r USING (report_id)
               WHERE f.metric_id = 'requests_new' AND f.requester_column = 'total' GROUP BY 1"""
        ).fetchall()
    )
    assert per_report[True] > 1.5 * per_report[False]
    snapshot = queries.open_snapshot(db)
    try:
        late, undated = snapshot.execute(
            "SELECT count(*) FILTER (WHERE late), count(*) FILTER (WHERE published IS NULL) FROM report_versions"
        ).fetchone()
        gaps = snapshot.execute(
            """SELECT count(*) FROM (SELECT agency, max(year) - min(year) + 1 - count(DISTINCT year) AS gaps
               FROM report_figures GROUP BY agency) WHERE gaps > 0"""
        ).fetchone()[0]
    finally:
        snapshot.close()
    assert late > 0 and undated > 0 and gaps > 0


def test_the_same_seed_gives_the_same_store(tmp_path):
    def content(db):
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(
                "SELECT sum(hash(report_id, metric_id, requester_column, value)) FROM facts"
            ).fetchone()
        finally:
            con.close()

    generate_store(tmp_path / "a.duckdb", 500, seed=3)
    generate_store(tmp_path / "b.duckdb", 500, seed=3)
    assert content(tmp_path / "a.duckdb") == content(tmp_path / "b.duckdb")
