"""One current report per agency and year: versions are kept, one counts by a stated rule or a
person's choice, and a duplicate's content survives a change of its original."""

import dataclasses
import json
import pathlib
import shutil

import dashboard_fixture as fx
import pytest
from click.testing import CliRunner
from test_app_pages import assert_clean, open_page, table_with, zh
from test_queries import run as run_query

from metrics import queries
from metrics.cli import main
from metrics.ingest import ingest_paths
from metrics.store import connect_readonly, open_for_writing

SHANGHAI_2021 = next(s for s in fx.SPECS if (s.agency, s.year) == ("上海市公安局", 2021))
# The same report revised: published later, with other numbers (the original has scale 5: 50 requests).
REVISED = dataclasses.replace(SHANGHAI_2021, scale=7, published="2022-03-01", copy="-revised")
# The same report saved from another site, without its publication date.
UNDATED = dataclasses.replace(SHANGHAI_2021, scale=9, published="", copy="-mirror")


def database(path: pathlib.Path, *extra: fx.Spec) -> pathlib.Path:
    return fx.build(path, fx.SPECS + extra)


def snapshot_run(db: pathlib.Path, name: str, **params):
    con = queries.open_snapshot(db)
    try:
        return run_query(con, name, **params)
    finally:
        con.close()


def shanghai_2021_requests(db: pathlib.Path) -> float:
    rows = snapshot_run(db, "selected_reports")
    return rows.loc[(rows["agency"] == "上海市公安局") & (rows["year"] == 2021), "requests_new"].sum()


def test_two_versions_count_once_by_the_latest_publication_date(tmp_path):
    db = database(tmp_path / "ogi.duckdb", REVISED, UNDATED)
    summary = snapshot_run(db, "selection_summary").iloc[0]
    assert summary["reports"] == len(fx.SPECS)
    assert shanghai_2021_requests(db) == 70  # the revision, not 50 + 70 + 90


def test_versions_without_a_later_date_count_the_latest_ingested(tmp_path):
    db = database(tmp_path / "ogi.duckdb")
    with open_for_writing(db) as w:
        fx.save(w, dataclasses.replace(SHANGHAI_2021, scale=7, copy="-again"))
    assert shanghai_2021_requests(db) == 70


def test_a_stored_choice_overrides_the_rule_until_it_is_forgotten(tmp_path):
    db = database(tmp_path / "ogi.duckdb", REVISED)
    with open_for_writing(db) as w:
        w.choose_current(fx.report_id(SHANGHAI_2021))
    assert shanghai_2021_requests(db) == 50
    versions = snapshot_run(db, "agency_year_versions")
    assert versions[["report_id", "is_current", "current_by"]].values.tolist() == [
        [fx.report_id(SHANGHAI_2021), True, "choice"],
        [fx.report_id(REVISED), False, "choice"],
    ]
    with open_for_writing(db) as w:
        w.forget_current_choice("上海市公安局", 2021)
    assert shanghai_2021_requests(db) == 70


# The queries about versions themselves list every version; all others count current ones only.
VERSION_QUERIES = {"agency_year_versions", "agency_reports", "report_meta"}
PAGE_PARAMS = {
    "metrics": ["requests_new", "outcome_total", "review_total"],
    "columns": ["total", "natural_person"],
    "series": ["requests_new", "outcome_total"],
    "group_by": "agency",
    "top_n": 10,
    "peer_by": "level",
    "min_base": 10,
    "min_peers": 3,
    "agencies": ["上海市公安局", "广州市人民政府"],
    "limit": None,
}


def test_every_dashboard_query_counts_only_the_current_version(tmp_path):
    older = dataclasses.replace(SHANGHAI_2021, scale=3, published="2022-01-02", copy="-draft")
    plain = database(tmp_path / "plain.duckdb")
    with_draft = database(tmp_path / "draft.duckdb", older)
    sql_dir = pathlib.Path(queries.__file__).parent / "sql"
    names = [
        p.stem
        for p in sorted(sql_dir.glob("*.sql"))
        if p.stem not in VERSION_QUERIES
        and p.stem != "views"  # the layer the queries read, defining selected_reports, not a query
        and "selected_reports(" in p.read_text(encoding="utf-8")
        or p.stem in ("filter_options", "unplaced_reports", "peer_medians")
    ]
    assert len(names) >= 15
    # Every stored report, the draft among them, asked about where a query takes report ids.
    con = queries.open_snapshot(with_draft)
    try:
        every_id = [r for (r,) in con.execute("SELECT report_id FROM raw.reports").fetchall()]
    finally:
        con.close()
    params = PAGE_PARAMS | queries.series_params(PAGE_PARAMS["series"]) | {"report_ids": every_id}
    assert len(every_id) == len(fx.SPECS) + 1
    for name in names:
        expected = snapshot_run(plain, name, **params)
        got = snapshot_run(with_draft, name, **params)
        assert got.equals(expected), name


@pytest.fixture
def copies(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    good = pathlib.Path(__file__).parent / "fixtures" / "ingest" / "std2021_good.txt"
    shutil.copy(good, folder / "a.txt")
    shutil.copy(good, folder / "b.txt")
    return folder


def stored_paths(db: pathlib.Path) -> list[str]:
    with connect_readonly(db) as con:
        return sorted(
            pathlib.Path(p).name for (p,) in con.execute("SELECT file_path FROM reports").fetchall()
        )


@pytest.mark.parametrize("second_run", ["folder", "original only"])
def test_a_duplicate_is_read_again_when_its_original_changes(copies, tmp_path, second_run):
    db = tmp_path / "ogi.duckdb"
    ingest_paths([copies], db, workers=1)
    assert stored_paths(db) == ["a.txt"]
    original = copies / "a.txt"
    original.write_text(original.read_text(encoding="utf-8") + "\n（修订版）\n", encoding="utf-8")

    ingest_paths([copies] if second_run == "folder" else [original], db, workers=1)
    assert stored_paths(db) == ["a.txt", "b.txt"], "the copy's content, once the original's, is kept"
    with connect_readonly(db) as con:
        log = dict(con.execute("SELECT file_path, status FROM ingest_log").fetchall())
    assert {pathlib.Path(p).name: s for p, s in log.items()} == {"a.txt": "ok", "b.txt": "ok"}


def test_data_quality_lists_the_versions_and_a_choice_changes_the_totals(tmp_path, monkeypatch):
    db = database(tmp_path / "ogi.duckdb", REVISED)
    monkeypatch.setenv("OGI_DB", str(db))
    at = open_page("pages/quality.py")
    assert_clean(at)
    listed = table_with(at, "is_current", "current_by")
    assert sorted(listed["report_id"]) == sorted([fx.report_id(SHANGHAI_2021), fx.report_id(REVISED)])
    assert listed.set_index("report_id").loc[fx.report_id(REVISED), "is_current"]

    at.selectbox(key="versions_group").set_value(("上海市公安局", 2021)).run()
    at.selectbox(key="versions_choice_上海市公安局_2021").set_value(fx.report_id(SHANGHAI_2021)).run()
    at.button(key="versions_apply").click().run()
    assert_clean(at)
    listed = table_with(at, "is_current", "current_by").set_index("report_id")
    assert listed.loc[fx.report_id(SHANGHAI_2021), "is_current"]
    assert listed.loc[fx.report_id(SHANGHAI_2021), "current_by"] == zh("current_by_choice")
    assert shanghai_2021_requests(db) == 50

    at.switch_page("pages/report.py").run()
    at.selectbox[0].set_value("上海市公安局").run()
    assert_clean(at)
    assert zh("report_not_current") in at.selectbox[1].format_func(fx.report_id(REVISED))


GUANGZHOU_2020 = next(s for s in fx.SPECS if (s.agency, s.year) == ("广州市人民政府", 2020))
# A draft of 2020 published before the report that counts, with another carried-forward figure.
GUANGZHOU_2020_DRAFT = dataclasses.replace(GUANGZHOU_2020, scale=7, published="2021-01-02", copy="-draft")


def test_cross_year_checks_compare_only_the_current_versions(tmp_path):
    db = tmp_path / "ogi.duckdb"
    with open_for_writing(db) as w:
        for spec in (*fx.SPECS, GUANGZHOU_2020_DRAFT):
            fx.save(w, spec)
        w.refresh_cross_year_flags()
    with connect_readonly(db) as con:
        flagged = con.execute(
            "SELECT r.agency, r.year FROM flags f JOIN reports r USING (report_id) WHERE f.scope = 'across_years'"
        ).fetchall()
    assert ("广州市人民政府", 2021) not in flagged  # 2021 carries over 2, as the current 2020 carries forward


def test_ogi_status_counts_only_the_current_version_of_a_report(tmp_path):
    db = database(tmp_path / "ogi.duckdb", REVISED, UNDATED)
    result = CliRunner().invoke(main, ["status", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["reports by year, format and status"]
    row = next(r for r in rows if (r["year"], r["format"]) == (2021, "std2021"))
    assert (row["reports"], row["other_versions"]) == (4, 2)
