"""The queries that spare the pages a row per report or per agency-year at a whole country's scale
give what the pages used to derive from those rows: checked on a generated store (undated, late,
revised and missing reports) and on the dashboard fixture, under the filters people set."""

from __future__ import annotations

import pandas as pd
import pytest

from metrics import bench, queries
from metrics.demo.bulk_store import generate_store

MAP_ROWS = 7


@pytest.fixture(scope="module", params=["generated", "fixture"])
def con(request, tmp_path_factory, fixture_db):
    if request.param == "generated":
        db = tmp_path_factory.mktemp("scale") / "ogi.duckdb"
        generate_store(db, 1500, seed=11)
    else:
        db = fixture_db
    c = queries.open_snapshot(db)
    yield c
    c.close()


def filter_sets(con) -> list[dict]:
    """Every bench scenario, a span of three years, and a selection that matches nothing."""
    chosen = list(bench.scenarios(con).values())
    every = chosen[0]
    return [
        *chosen,
        every | {"year_from": every["year_to"] - 2},
        every | {"agencies": ["no such agency"]},
    ]


def coverage(con, params) -> pd.DataFrame:
    return queries.run(con, "coverage", params)


def same(new: pd.DataFrame, derived: pd.DataFrame) -> None:
    # A part of a frame holds its column's dtype as the whole gave it (Int64 where a NULL was elsewhere).
    pd.testing.assert_frame_equal(
        new.reset_index(drop=True), derived.reset_index(drop=True), check_dtype=False
    )


def test_the_stores_hold_what_the_comparisons_need(con):
    cov = coverage(con, filter_sets(con)[0])
    assert {"missing", "late", "on_time"} <= set(cov["state"])
    assert cov["published"].isna().any()


def test_coverage_counts_are_the_agencies_and_missing_cells_of_every_coverage_cell(con):
    for params in filter_sets(con):
        cov = coverage(con, params)
        counts = queries.run(con, "coverage_counts", params).iloc[0]
        assert counts["agencies"] == cov["agency"].nunique()
        assert counts["missing_cells"] == (cov["state"] == "missing").sum()


def test_the_coverage_map_is_the_cells_of_the_first_agencies_in_coverage_order(con):
    for params in filter_sets(con):
        cov = coverage(con, params)
        first = cov["agency"].unique()[:MAP_ROWS]
        shown = queries.run(con, "coverage_map", params | {"max_agencies": MAP_ROWS})
        same(shown, cov[cov["agency"].isin(first)])


def test_the_late_and_missing_list_is_the_coverage_cells_in_those_states(con):
    for params in filter_sets(con):
        cov = coverage(con, params)
        same(queries.run(con, "late_missing", params), cov[cov["state"].isin(["late", "missing"])])


def test_selected_among_keeps_the_given_reports_the_filters_select_and_no_other(con):
    every = queries.run(con, "report_prose", {})["report_id"]
    # Every other report, one twice, and one the store does not hold.
    given = [*every.iloc[::2], every.iloc[0], "no such report"]
    for params in filter_sets(con):
        selected = set(queries.run(con, "selected_reports", params)["report_id"])
        kept = queries.run(con, "selected_among", params | {"report_ids": given})["report_id"]
        assert list(kept) == sorted(set(given) & selected)
        assert queries.run(con, "selected_among", params | {"report_ids": []}).empty
