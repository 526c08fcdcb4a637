"""`ogi export --format parquet`: a year-partitioned tree on which the dashboard's SQL, unchanged,
gives the same answers as on the DuckDB file."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from metrics import cleaned_layer, queries
from metrics.cli import main
from metrics.demo.bulk_store import generate_store
from metrics.models import DirectoryEntry
from metrics.sql_files import sql_text
from metrics.store import open_for_writing

# Every query a page runs, with page-level parameters as the pages set them.
# Queries that a page runs on the agencies chosen on it (Compare agencies).
ON_CHOSEN_AGENCIES = ("peer_medians", "agency_year_rates")
PAGE_QUERIES = (
    "filter_options",
    "selection_summary",
    "headline_by_year",
    "coverage",
    "coverage_counts",
    "coverage_map",
    "late_missing",
    "late_missing_years",
    "trend_series",
    "trend_rates",
    "trend_rows",
    "agency_rates",
    "agency_year_rates",
    "peer_medians",
    "outcomes_by_year",
    "outcome_rows",
    "metric_sums_by_year",
    "cases_by_year",
    "cases_by_agency",
    "builder_cells",
    "selected_agencies",
    "selected_reports",
    "selected_among",
    "anomalies_selected",
    "flags_detail",
    "flag_counts",
    "flag_agencies",
    "flag_figures",
    "missing_years",
    "ingest_problems",
    "agency_year_versions",
    "unplaced_reports",
    "agency_reports",
    "report_meta",
    "report_facts",
    "report_flags",
    "directory",
)


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A generated store of every layout, its Parquet tree, and a snapshot over each."""
    folder = tmp_path_factory.mktemp("export")
    db = folder / "ogi.duckdb"
    generate_store(db, 1500, seed=11)
    with queries.open_snapshot(db) as con:
        first = con.execute("SELECT min(agency) FROM raw.reports").fetchone()[0]
    with open_for_writing(db) as writer:  # a directory entry, which the tree must carry too
        writer.set_directory_entries([DirectoryEntry(first, region="某省某市")])
    tree = folder / "tree"
    done = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet", str(tree)])
    assert done.exit_code == 0, done.output
    from_db, from_tree = queries.open_snapshot(db), queries.open_parquet_snapshot(tree)
    yield tree, from_db, from_tree
    from_db.close()
    from_tree.close()


def test_the_tree_is_partitioned_by_year_with_its_schema(stores):
    tree, _, _ = stores
    for table in ("reports", "facts", "flags"):
        years = {p.name for p in (tree / table).iterdir()}
        assert years and all(y.startswith("year=") for y in years)
    assert "CREATE TABLE IF NOT EXISTS facts" in (tree / "schema.sql").read_text(encoding="utf-8")


def params(con, **scenario) -> dict:
    opts = queries.filter_options(con)
    agency = con.execute(
        "SELECT agency FROM report_figures ORDER BY warnings DESC, agency LIMIT 1"
    ).fetchone()[0]
    report_id = con.execute(
        "SELECT report_id FROM report_figures WHERE warnings > 0 ORDER BY report_id LIMIT 1"
    ).fetchone()[0]
    return (
        queries.Filters(opts.years[0], opts.years[-1]).params()
        | scenario
        | {
            "metrics": ["requests_new", "outcome_denied", "review_total"],
            "columns": ["total", "natural_person"],
            **queries.series_params(["requests_new", "outcome_granted"]),
            "group_by": "region",
            "top_n": 10,
            "min_base": queries.MIN_BASE,
            "min_peers": cleaned_layer.MIN_PEERS,
            "peer_by": "level",
            "agency": agency,
            "report_id": report_id,
            "report_ids": [r for (r,) in con.execute("SELECT report_id FROM report_figures").fetchall()],
            "max_agencies": 5,
            "year": None,
            "max_rows": 50,
            "limit": None,
        }
    )


@pytest.mark.parametrize("scenario", ["all_years", "one_layout"])
@pytest.mark.parametrize("name", PAGE_QUERIES)
def test_every_page_query_gives_the_same_answer_over_the_tree(stores, name, scenario):
    _, from_db, from_tree = stores
    chosen = {"formats": ["std2021"]} if scenario == "one_layout" else {}
    if name in ON_CHOSEN_AGENCIES:
        chosen["agencies"] = [params(from_db)["agency"]]
    expected = queries.run(from_db, name, params(from_db, **chosen))
    got = queries.run(from_tree, name, params(from_tree, **chosen))
    assert len(expected) > 0 or name == "unplaced_reports"  # generated reports all have agency and year
    if "ORDER BY" not in sql_text(name):  # rows in no declared order: compare them as a set
        expected, got = (df.sort_values(list(df.columns)).reset_index(drop=True) for df in (expected, got))
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
