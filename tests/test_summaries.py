"""The summaries the store keeps beside its facts (store.SUMMARIES, flagged_facts) stay what
deriving them from the facts gives, through everything that changes facts: an ingest, a changed file read
again, a version chosen, a rebuild (with a file gone)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from metrics import catalog, rebuild
from metrics.formats import STD2019, STD2021
from metrics.ingest import ingest_paths
from metrics.sql_files import sql_text
from metrics.store import SUMMARIES, open_for_writing
from metrics.templates import section3_rows
from metrics.templates.standard import REQUESTER_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = ("standard/pipe_rows_std2021.txt", "standard/std2019_grid.html", "legacy/table_2016.html")
NEW_REQUESTS = "| 一、本年新收政府信息公开申请数量 | 21 | 4 | 0 | 0 | 1 | 1 | 27 |"


# How each kept table is derived from the facts (and flags).
DERIVED = {s: f"memory.{s}_of('raw.facts')" for s in SUMMARIES} | {
    "flagged_facts": "(SELECT * FROM raw.facts WHERE report_id IN (SELECT report_id FROM raw.flags))"
}


def out_of_step(db: Path) -> dict[str, int]:
    """Per kept table, the rows of the stored table and of its derivation that the other lacks."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{db}' AS raw (READ_ONLY)")
        out = {}
        for summary in SUMMARIES:
            con.execute(sql_text(summary))
        for table, derived in DERIVED.items():
            stored = f"raw.{table}"
            out[table] = con.execute(
                f"""SELECT count(*) FROM (
                      (SELECT * FROM {stored} EXCEPT ALL SELECT * FROM {derived})
                      UNION ALL
                      (SELECT * FROM {derived} EXCEPT ALL SELECT * FROM {stored}))"""
            ).fetchone()[0]
        return out
    finally:
        con.close()


def rows(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


IN_STEP = dict.fromkeys(DERIVED, 0)
# A row per report, but report_columns: the legacy table report prints no requester column.
ROWS = dict.fromkeys(SUMMARIES, 3) | {"report_columns": 2}


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in REPORTS:
        shutil.copy(FIXTURES / name, folder / Path(name).name)
    return folder


@pytest.fixture
def db(folder, tmp_path) -> Path:
    path = tmp_path / "ogi.duckdb"
    ingest_paths([folder], path, workers=1)
    return path


def test_summaries_hold_every_ingested_report_as_its_facts_give_it(db):
    assert out_of_step(db) == IN_STEP
    for summary in SUMMARIES:
        assert rows(db, summary) == ROWS[summary]


def test_a_changed_file_read_again_replaces_its_summary_rows(db, folder):
    changed = folder / "pipe_rows_std2021.txt"
    text = changed.read_text(encoding="utf-8")
    assert NEW_REQUESTS in text
    changed.write_text(text.replace(NEW_REQUESTS, NEW_REQUESTS.replace("| 21 |", "| 22 |")), encoding="utf-8")
    ingest_paths([folder], db, workers=1)
    assert out_of_step(db) == IN_STEP
    for summary in SUMMARIES:
        assert rows(db, summary) == ROWS[summary]
    assert rows(db, "flagged_facts") > 0  # the changed figure breaks an identity


def test_a_version_chosen_leaves_the_summaries_in_step(db):
    with duckdb.connect(str(db), read_only=True) as con:
        chosen = con.execute("SELECT min(report_id) FROM reports").fetchone()[0]
    with open_for_writing(db) as writer:
        writer.choose_current(chosen)
    assert out_of_step(db) == IN_STEP


def test_a_rebuild_keeps_the_summaries_in_step_with_a_gone_files_carried_over(db, folder):
    (folder / "std2019_grid.html").unlink()
    rebuild.rebuild(db, workers=1)
    assert out_of_step(db) == IN_STEP
    for summary in SUMMARIES:
        assert rows(db, summary) == ROWS[summary]


def test_a_database_written_before_the_summaries_existed_gets_them_when_next_written(db):
    with duckdb.connect(str(db)) as con:
        for table in DERIVED:
            con.execute(f"DROP TABLE {table}")
    with open_for_writing(db) as writer:
        writer.record_attempt("/corpus/another.pdf", "hash-another", "failed", "could not be read")
    assert out_of_step(db) == IN_STEP
    for summary in SUMMARIES:
        assert rows(db, summary) == ROWS[summary]


def test_the_cells_hold_every_answer_and_reason_the_requests_page_charts(db):
    charted = {m for m in catalog.metrics() if m.startswith(("outcome_", "denied_", "unable_", "np_"))}
    charted -= {"outcome_total"}
    requesters = {f"requests_new:{c}" for c, _, _ in REQUESTER_COLUMNS if c != "total"}
    with duckdb.connect(str(db), read_only=True) as con:
        columns = {
            name for (name,) in con.execute("SELECT column_name FROM (DESCRIBE report_cells)").fetchall()
        }
    assert charted | requesters | {"requests_new"} <= columns


def test_the_requester_columns_hold_every_section3_cell_of_both_standard_layouts(db):
    declared = {
        f"{row.metric_id}:{column}"
        for fmt in (STD2019, STD2021)
        for row in section3_rows(fmt)
        for column, _, _ in REQUESTER_COLUMNS
        if column != "total"
    }
    with duckdb.connect(str(db), read_only=True) as con:
        columns = {
            name for (name,) in con.execute("SELECT column_name FROM (DESCRIBE report_columns)").fetchall()
        }
    assert columns == declared | {"report_id"}
