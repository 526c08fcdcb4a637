"""The cleaned layer stored by the writer (metrics.cleaned_layer): a snapshot of a database the writer
stored reads it in place and builds none of it, with the same figures as the layer a snapshot builds
from a database without it; a write keeps it in step, and a layer of another build is not read."""

import shutil
from pathlib import Path

import dashboard_fixture as fx
import duckdb
import pandas as pd
import pytest

from metrics import cleaned_layer, queries
from metrics.demo.bulk_store import generate_store
from metrics.models import DirectoryEntry
from metrics.store import open_for_writing

LAYER = (
    "report_versions",
    "report_figures",
    "findings",
    "finding_facts",
    "identity_cells",
    "agency_directory",
    "anomalies",
)
# What a snapshot over a stored layer makes itself: the pages' small tables.
SMALL_TABLES = {"outcome_parts", "series_map", "flag_statuses"}


@pytest.fixture
def db(tmp_path) -> Path:
    """The dashboard fixture with what people record."""
    return recorded(fx.build(tmp_path / "ogi.duckdb"))


@pytest.fixture
def generated(tmp_path) -> Path:
    """A generated store (it has anomalies, which the fixture has not) with what people record."""
    generate_store(tmp_path / "generated.duckdb", 2000)
    return recorded(tmp_path / "generated.duckdb")


def recorded(db: Path) -> Path:
    """The database with a version chosen, a directory entry and a finding's status."""
    with duckdb.connect(str(db), read_only=True) as con:
        report_id, agency = con.execute("SELECT report_id, agency FROM reports ORDER BY report_id").fetchone()
    with open_for_writing(db) as writer:
        writer.choose_current(report_id)
        writer.set_directory_entries([DirectoryEntry(agency, region="某省某市", series="某局")])
        writer.set_flag_status(report_id, "identity:std_balance", "contacted", "called")
    return db


def without_layer(db: Path, copy: Path) -> Path:
    """A copy of the database as written before the writer kept a cleaned layer."""
    shutil.copyfile(db, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DROP SCHEMA cleaned CASCADE")
    return copy


def snapshot_tables(con) -> set[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'snapshot'").fetchall()
    return {table for (table,) in rows}


def layer_rows(con, table: str) -> pd.DataFrame:
    """Every row of a table of the layer, in one order (by every column but the cells struct)."""
    columns = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
    order = ", ".join(f'"{c}"' for c in columns if c != "cells")
    with con.cursor() as cur:
        cur.execute("USE snapshot")
        return cur.execute(f"SELECT * FROM {table} ORDER BY {order}").df()


def test_a_snapshot_of_a_database_the_writer_stored_builds_no_table_of_the_cleaned_layer(db, monkeypatch):
    def never(con):
        raise AssertionError("the snapshot built the cleaned layer")

    monkeypatch.setattr(cleaned_layer, "build_tables", never)
    monkeypatch.setattr(cleaned_layer, "build_anomalies", never)
    with queries.open_snapshot(db) as con:
        assert snapshot_tables(con) == SMALL_TABLES
        assert len(queries.run(con, "report_meta", {"report_id": fx.report_id(fx.SPECS[0])})) == 1


@pytest.mark.parametrize("source", ["db", "generated"])
def test_the_stored_layer_reads_as_the_layer_a_snapshot_builds(source, request, tmp_path):
    db = request.getfixturevalue(source)
    old = without_layer(db, tmp_path / "old.duckdb")
    with queries.open_snapshot(db) as stored, queries.open_snapshot(old) as built:
        assert snapshot_tables(built) > SMALL_TABLES  # the old file's snapshot built its own
        for table in LAYER:
            expected = layer_rows(built, table)
            assert len(expected) > 0 or (source, table) == ("db", "anomalies"), table
            pd.testing.assert_frame_equal(layer_rows(stored, table), expected, obj=table)
        # What people recorded, in both.
        assert layer_rows(stored, "agency_directory").query("edited")[
            ["agency", "region"]
        ].values.tolist() == [["某局", "某省某市"]]
        assert (layer_rows(stored, "report_versions")["current_by"] == "choice").sum() == 1


def test_a_status_written_keeps_the_stored_layer_and_reaches_the_snapshot(db, monkeypatch):
    stored = []
    monkeypatch.setattr(
        cleaned_layer, "store", lambda con, real=cleaned_layer.store: stored.append(1) or real(con)
    )
    report_id = fx.report_id(fx.SPECS[2])
    with open_for_writing(db) as writer:
        writer.set_flag_status(report_id, "identity:std_balance", "confirmed")
    assert stored == []  # a status is no input of the layer
    with queries.open_snapshot(db) as con:
        statuses = layer_rows(con, "flag_statuses").set_index("report_id")
    assert statuses.loc[report_id, "status"] == "confirmed"


def test_a_directory_entry_written_is_in_the_stored_layer_the_snapshot_reads(db, monkeypatch):
    agency = fx.SPECS[2].agency
    with open_for_writing(db) as writer:
        writer.set_directory_entries([DirectoryEntry(agency, level="province")])
    monkeypatch.setattr(cleaned_layer, "build_tables", lambda con: pytest.fail("built in the snapshot"))
    with queries.open_snapshot(db) as con:
        directory = layer_rows(con, "agency_directory").set_index("printed_agency")
        levels = layer_rows(con, "report_figures").query("printed_agency == @agency")["level"]
    assert directory.loc[agency, "level"] == "province"
    assert set(levels) == {"province"}


def test_any_write_to_a_database_without_the_layer_stores_it(db, tmp_path):
    old = without_layer(db, tmp_path / "old.duckdb")
    with open_for_writing(old) as writer:
        writer.set_flag_status(fx.report_id(fx.SPECS[0]), "identity:std_balance", "open")
    with queries.open_snapshot(old) as con:
        assert snapshot_tables(con) == SMALL_TABLES


def test_a_layer_another_build_stored_is_built_again_by_the_snapshot(db, monkeypatch):
    monkeypatch.setattr(cleaned_layer, "stamp", lambda: "another version's")
    with queries.open_snapshot(db) as con:
        assert {"report_versions", "findings", "agency_directory", "anomalies"} <= snapshot_tables(con)
