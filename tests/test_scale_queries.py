"""The queries that spare the pages a row per report or per agency-year at a whole country's scale
give what the pages used to derive from those rows: checked on a generated store (undated, late,
revised and missing reports) and on the dashboard fixture, under the filters people set."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from metrics import bench, catalog, cleaned_layer, queries
from metrics.demo.bulk_store import generate_store
from metrics.sql_files import sql_text
from metrics.store import SUMMARIES

MAP_ROWS = 7

# coverage.sql as it made every agency x year cell before coverage_cells: a cross join of the
# agencies and the span's years, each cell's reports joined to it.
COVERAGE_CROSS_JOIN = """
WITH sel AS (
    SELECT * FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
    WHERE coalesce(agency, '') <> ''
),
agencies AS (SELECT DISTINCT agency FROM sel),
span AS (SELECT min(year) AS first_year, max(year) AS last_year FROM sel),
years AS (SELECT unnest(range(first_year, last_year + 1)) AS year FROM span),
cells AS (
    SELECT a.agency, y.year,
        count(s.report_id) AS reports,
        min(s.report_id) AS report_id,
        -- The name the report prints: a renamed agency's earlier reports print its earlier names.
        min(s.printed_agency) AS printed_agency,
        min(s.published) AS published,
        legal_deadline(y.year) AS deadline,
        bool_or(s.late) AS late,
        min(s.file_path) AS file_path,
        min(s.parser_version) AS parser_version,
        min(s.flag_codes) AS flag_codes
    FROM agencies a
    CROSS JOIN years y
    LEFT JOIN sel s ON s.agency = a.agency AND s.year = y.year
    GROUP BY a.agency, y.year
)
SELECT agency, year, reports, report_id, printed_agency, published, deadline,
    CASE WHEN reports = 0 THEN 'missing'
         WHEN late THEN 'late'
         WHEN published IS NULL THEN 'undated'
         ELSE 'on_time' END AS state,
    CASE WHEN late THEN datediff('day', deadline, published) END AS days_late,
    count(*) FILTER (WHERE reports = 0) OVER (PARTITION BY agency) AS missing_years,
    file_path, parser_version, flag_codes
FROM cells
ORDER BY missing_years DESC, agency, year
"""

# trend_series as it read the facts before report_series: every 总计 fact of the series' metrics.
TREND_FROM_FACTS = """
WITH sel AS (
    SELECT report_id, year, format,
        CASE $group_by WHEN 'agency' THEN agency WHEN 'region' THEN region WHEN 'level' THEN level
                       WHEN 'agency_type' THEN agency_type ELSE '' END AS grp
    FROM selected_reports($year_from, $year_to, $regions, $levels, $agency_types, $agencies, $formats)
),
vals AS (
    SELECT s.year, s.grp, m.series_id, f.report_id, f.value
    FROM sel s
    JOIN raw.facts f USING (report_id)
    JOIN series_map m ON m.metric_id = f.metric_id AND m.format = s.format
    WHERE f.requester_column = 'total' AND list_contains($series, m.series_id)
),
top_groups AS (
    SELECT grp FROM vals GROUP BY grp ORDER BY sum(value) DESC NULLS LAST, grp LIMIT $top_n
)
SELECT year, grp, series_id, sum(value) AS value, count(DISTINCT report_id) AS reports
FROM vals
SEMI JOIN top_groups USING (grp)
GROUP BY ALL
ORDER BY series_id, grp, year
"""

# rollup_cells as it read the facts before report_series and report_columns: every fact of the year's
# reports of the region, the cells no report gives a value left out, as the roll-up leaves them.
ROLLUP_FROM_FACTS = """
SELECT r.format, f.metric_id, f.requester_column,
    sum(f.value) AS value,
    count(DISTINCT f.report_id) FILTER (WHERE f.value IS NOT NULL) AS reports
FROM regional_reports($region, $levels, $agency_types) r
JOIN raw.facts f USING (report_id)
WHERE r.year = $year
GROUP BY ALL
HAVING sum(f.value) IS NOT NULL
ORDER BY ALL
"""

# flags_detail and flag_figures as they read the facts of every flagged report before finding_facts:
# the same queries over the store's flagged_facts.
FLAGS_DETAIL_FROM_FLAGGED_FACTS = sql_text("flags_detail").replace(
    "JOIN finding_facts f", "JOIN raw.flagged_facts f"
)
FLAG_FIGURES_FROM_FLAGGED_FACTS = sql_text("flag_figures").replace(
    "JOIN finding_facts f", "JOIN raw.flagged_facts f"
)


def plant_duplicates_and_blanks(db) -> None:
    """Facts and findings ingest can store and the generator does not write: a figure printed twice in
    a report (both counted), a figure printed without a value, a finding across requester columns; the
    summaries, the flagged reports' facts and
    the cleaned layer are written again from them."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{db}' AS raw")
        con.execute(
            """INSERT INTO raw.facts BY NAME
               SELECT * REPLACE (value + 1 AS value) FROM raw.facts
               WHERE requester_column = 'total' AND metric_id IN ('requests_new', 'outcome_granted')
                 AND report_id IN (SELECT report_id FROM raw.reports ORDER BY report_id LIMIT 200)"""
        )
        con.execute(
            """INSERT INTO raw.facts BY NAME
               SELECT * REPLACE (NULL::DOUBLE AS value, 'review_total' AS metric_id) FROM raw.facts
               WHERE requester_column = 'total' AND metric_id = 'requests_new'
                 AND report_id IN (SELECT report_id FROM raw.reports ORDER BY report_id DESC LIMIT 200)"""
        )
        # A check across the requester columns, which the generator does not write: its finding quotes
        # its row in every column.
        con.execute(
            """INSERT INTO raw.flags
               SELECT report_id, 'identity:std_columns', '总计 ≠ 各列之和', 'requests_new', '', 'warning', 'report'
               FROM raw.reports WHERE format = 'std2021' ORDER BY report_id LIMIT 50"""
        )
        con.execute("DELETE FROM raw.flagged_facts")
        con.execute(
            "INSERT INTO raw.flagged_facts SELECT * FROM raw.facts WHERE report_id IN (SELECT report_id FROM raw.flags)"
        )
        for summary in SUMMARIES:
            con.execute(sql_text(summary))
            con.execute(f"DELETE FROM raw.{summary}")
            con.execute(f"INSERT INTO raw.{summary} SELECT * FROM memory.{summary}_of('raw.facts')")
        cleaned_layer.store(con)
    finally:
        con.close()


@pytest.fixture(scope="module", params=["generated", "fixture"])
def con(request, tmp_path_factory, fixture_db):
    if request.param == "generated":
        db = tmp_path_factory.mktemp("scale") / "ogi.duckdb"
        generate_store(db, 1500, seed=11)
        plant_duplicates_and_blanks(db)
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


def derived(con, sql: str, params: dict) -> pd.DataFrame:
    return con.execute(sql, {k: params[k] for k in queries._PARAM.findall(sql)}).df()


def test_coverage_cells_are_the_cross_join_of_agencies_and_years(con):
    for params in filter_sets(con):
        same(coverage(con, params), derived(con, COVERAGE_CROSS_JOIN, params))


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


def test_the_late_and_missing_list_is_the_coverage_cells_in_those_states_latest_year_first(con):
    for params in filter_sets(con):
        cov = coverage(con, params)
        listed = cov[cov["state"].isin(["late", "missing"])].sort_values(
            ["year", "state", "days_late", "agency"], ascending=[False, True, False, True]
        )
        every = params | {"year": None, "max_rows": None}
        same(queries.run(con, "late_missing", every), listed)
        same(queries.run(con, "late_missing", every | {"max_rows": 7}), listed.head(7))
        for year in listed["year"].unique()[-1:]:  # the earliest year with such cells, if any
            one_year = queries.run(con, "late_missing", every | {"year": int(year)})
            # As objects: a year of missing cells only has no report id, None one side, NaN the other.
            same(
                *(d.astype(object).where(d.notna(), None) for d in (one_year, listed[listed["year"] == year]))
            )
        by_year = queries.run(con, "late_missing_years", params)
        counted = listed.groupby("year").size().sort_index(ascending=False)
        assert list(zip(by_year["year"], by_year["cells"], strict=True)) == list(counted.items())


def test_selected_among_keeps_the_given_reports_the_filters_select_and_no_other(con):
    every = con.execute("SELECT report_id FROM report_figures ORDER BY report_id").df()["report_id"]
    # Every other report, one twice, and one the store does not hold.
    given = [*every.iloc[::2], every.iloc[0], "no such report"]
    for params in filter_sets(con):
        selected = set(queries.run(con, "selected_reports", params)["report_id"])
        kept = queries.run(con, "selected_among", params | {"report_ids": given})["report_id"]
        assert list(kept) == sorted(set(given) & selected)
        assert queries.run(con, "selected_among", params | {"report_ids": []}).empty


def test_the_selected_anomalies_are_the_snapshots_anomalies_of_the_selected_reports(con):
    every = con.execute("SELECT * EXCLUDE (ordinal) FROM anomalies ORDER BY ordinal").df()
    for params in filter_sets(con):
        selected = set(queries.run(con, "selected_reports", params)["report_id"])
        shown = queries.run(con, "anomalies_selected", params)
        same(shown, every[every["report_id"].isin(selected)])


def test_report_series_has_a_column_for_every_metric_of_the_dictionary(con):
    columns = con.execute("SELECT * FROM report_series_source LIMIT 0").df().columns
    assert list(columns) == ["report_id", *catalog.metrics(), "not_applicable"]


@pytest.mark.parametrize("group_by", ["all", "agency", "region", "level"])
@pytest.mark.parametrize(
    "series", [["requests_new"], ["outcome_granted", "review_total"], ["litigation_total", "staff_total"]]
)
def test_trend_series_from_report_series_is_what_the_facts_give(con, series, group_by):
    for params in filter_sets(con):
        params = params | queries.series_params(series) | {"group_by": group_by, "top_n": 3}
        expected = con.execute(
            TREND_FROM_FACTS, {k: params[k] for k in queries._PARAM.findall(TREND_FROM_FACTS)}
        )
        same(queries.run(con, "trend_series", params), expected.df())


def test_rollup_cells_from_the_summaries_are_what_the_facts_give(con):
    region = con.execute(
        "SELECT region FROM report_figures WHERE region <> '' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()[0]
    years = con.execute("SELECT DISTINCT year FROM report_figures WHERE year IS NOT NULL").fetchall()
    selections = [("", []), (region, []), (region[:2], ["county", "city"]), ("no such region", [])]
    for (year,) in years:
        for prefix, levels in selections:
            params = {"region": prefix, "year": year, "levels": levels, "agency_types": []}
            same(queries.run(con, "rollup_cells", params), derived(con, ROLLUP_FROM_FACTS, params))


def test_the_findings_figures_from_finding_facts_are_what_the_flagged_reports_facts_give(con, request):
    for reference in (FLAGS_DETAIL_FROM_FLAGGED_FACTS, FLAG_FIGURES_FROM_FLAGGED_FACTS):
        assert "JOIN raw.flagged_facts f" in reference and "JOIN finding_facts" not in reference
    codes = {
        code
        for (code,) in con.execute(
            "SELECT DISTINCT code FROM findings WHERE metric_id IS NOT NULL"
        ).fetchall()
    }
    assert any(code.startswith("identity:") for code in codes)
    if request.node.callspec.params["con"] == "generated":
        assert "identity:std_columns" in codes  # planted: a finding quoting its row in every column
    for params in filter_sets(con):
        every = params | {"limit": None}
        same(queries.run(con, "flags_detail", every), derived(con, FLAGS_DETAIL_FROM_FLAGGED_FACTS, every))
        figures, expected = (
            queries.run(con, "flag_figures", params),
            derived(con, FLAG_FIGURES_FROM_FLAGGED_FACTS, params),
        )
        same(figures.sort_values(list(figures.columns)), expected.sort_values(list(expected.columns)))


def test_the_listed_findings_and_their_counts_are_the_head_and_the_tally_of_every_finding(con):
    for params in filter_sets(con):
        every = queries.run(con, "flags_detail", params | {"limit": None})
        same(queries.run(con, "flags_detail", params | {"limit": 7}), every.head(7))
        # A finding whose figure is printed twice is listed with each; it is one finding.
        one_each = every.drop_duplicates(["report_id", "code", "message", "metric_id", "requester_column"])
        tally = one_each.groupby("code", as_index=False).agg(
            reports=("report_id", "nunique"), flags=("message", "size")
        )
        counts = queries.run(con, "flag_counts", params)
        same(counts.sort_values("code"), tally.sort_values("code"))
        assert counts["flags"].is_monotonic_decreasing
        assert queries.run(con, "flag_agencies", params)["agency"].tolist() == sorted(
            every["agency"].unique()
        )
