"""The per-report totals the store keeps in step with the facts: the same as pivoting the facts, in a
database written by ingest and in one written before the table existed."""

from __future__ import annotations

import shutil

import duckdb

from metrics.sql_files import sql_text
from metrics.store import open_for_writing


def differences(db) -> int:
    """Rows of the stored totals and of the facts' pivot that the other lacks."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{db}' AS raw (READ_ONLY)")
        con.execute(sql_text("report_totals"))
        return con.execute(
            """SELECT count(*) FROM (
                 (SELECT * FROM raw.report_totals EXCEPT SELECT * FROM memory.report_totals_of('raw.facts'))
                 UNION ALL
                 (SELECT * FROM memory.report_totals_of('raw.facts') EXCEPT SELECT * FROM raw.report_totals))"""
        ).fetchone()[0]
    finally:
        con.close()


def test_stored_totals_are_the_pivot_of_the_facts(fixture_db):
    assert differences(fixture_db) == 0


def test_a_database_written_before_the_totals_existed_gets_them_when_next_written(fixture_db, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copyfile(fixture_db, db)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE report_totals")
    con.close()
    with open_for_writing(db) as writer:
        writer.record_attempt("/corpus/another.pdf", "hash-another", "failed", "could not be read")
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM report_totals").fetchone()[0]
    finally:
        con.close()
    assert stored > 0
    assert differences(db) == 0
