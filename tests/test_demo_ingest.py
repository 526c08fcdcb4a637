"""The embedded demo corpus through the real ingest: the generator knows every true figure, so ingest
must recover them, flag exactly the reports that break an identity, and log exactly the broken files."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from metrics.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
DEMO, TRUTH = ROOT / "data" / "demo", ROOT / "data" / "demo_truth"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest_paths([DEMO], db, workers=2)
    truths = {
        t["file"]: t for t in (json.loads(p.read_text(encoding="utf-8")) for p in TRUTH.glob("*.truth.json"))
    }
    with duckdb.connect(str(db), read_only=True) as con:
        yield con, truths


def test_every_true_figure_is_recovered_and_none_is_wrong(ingested):
    con, truths = ingested
    rows = con.execute("""
        SELECT regexp_extract(r.file_path, '[^/]+$') AS file, f.metric_id, f.value
        FROM reports r JOIN facts f USING (report_id) WHERE f.requester_column = 'total'""").fetchall()
    got = {(file, metric): value for file, metric, value in rows}
    wanted = [(t["file"], m, v) for t in truths.values() for m, v in t["metrics"].items()]
    missing = [(f, m, v) for f, m, v in wanted if (f, m) not in got]
    wrong = [(f, m, v, got[(f, m)]) for f, m, v in wanted if (f, m) in got and abs(got[(f, m)] - v) > 0.011]
    assert len(wanted) > 20000
    assert missing == [] and wrong == []


def test_metadata_of_every_report_matches_the_generator(ingested):
    con, truths = ingested
    rows = con.execute(
        "SELECT regexp_extract(file_path, '[^/]+$'), agency, year, format FROM reports"
    ).fetchall()
    mismatched = [
        (f, a, y, fmt)
        for f, a, y, fmt in rows
        if (a, y, fmt) != (truths[f]["agency"], truths[f]["year"], truths[f]["format"])
    ]
    assert len(rows) == sum(1 for t in truths.values() if "expected_error" not in t)
    assert mismatched == []


def test_identity_flags_fall_exactly_on_the_reports_built_to_break_one(ingested):
    con, truths = ingested
    flagged = {
        f
        for (f,) in con.execute("""
        SELECT DISTINCT regexp_extract(r.file_path, '[^/]+$') FROM flags g JOIN reports r USING (report_id)
        WHERE g.code LIKE 'identity:%'""").fetchall()
    }
    assert flagged == {f for f, t in truths.items() if t["breaks_identity"]}


def test_files_made_unreadable_on_purpose_are_the_ones_logged_as_not_ingested(ingested):
    con, truths = ingested
    logged = dict(
        con.execute("""
        SELECT regexp_extract(file_path, '[^/]+$'), status FROM ingest_log WHERE status NOT IN ('ok', 'partial')
        AND NOT file_path LIKE '%README.txt'""").fetchall()
    )
    expected = {f for f, t in truths.items() if "expected_error" in t}
    assert set(logged) == expected
    assert set(logged.values()) <= {"failed", "unsupported"}
