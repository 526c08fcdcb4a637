"""The dashboard's named queries give exact results on the synthetic fixture database."""

import dataclasses
import pathlib
import re

import dashboard_fixture as fx
import pandas as pd
import pytest

from metrics import cleaned_layer, queries

ALL = queries.Filters(2013, 2021)
SHANGHAI = "上海市公安局"
HAIDIAN = "北京市海淀区人民政府"


@pytest.fixture(scope="module")
def con(fixture_db):
    c = queries.open_snapshot(fixture_db)
    yield c
    c.close()


def run(con, name, filters=ALL, **extra):
    return queries.run(con, name, filters.params() | extra)


def test_every_named_query_parses_and_runs(con):
    extra = {
        "metrics": ["requests_new"],
        "columns": ["total"],
        **queries.series_params(["requests_new"]),
        "group_by": "agency",
        "top_n": 5,
        "peer_by": "level",
        "min_base": 10,
        "min_peers": 3,
        "report_id": "x",
        "agency": SHANGHAI,
        "paths": ["/corpus/broken.pdf"],
        "region": "",
        "year": 2021,
        "report_ids": ["x"],
        "max_agencies": 5,
        "max_rows": 5,
        "limit": 5,
    }
    sql_dir = pathlib.Path(queries.__file__).parent / "sql"
    # Dashboard queries read the snapshot layer (report_figures, selected_reports) or the attached raw tables;
    # the Parquet tree's statements (a {dir} placeholder for the folder) are run by metrics.parquet_tree;
    # the cleaned layer's statements build (or read, or stamp) the snapshot's and the writer's tables.
    layer = (
        "views",
        "anomalies",
        "cleaned_layer",
        "cleaned_layer_stored",
        "cleaned_layer_schema",
        "report_figures",
        "copy_directory_entries",
    )
    names = [
        p.stem
        for p in sorted(sql_dir.glob("*.sql"))
        if p.stem not in layer
        and not {"{dir}", "{stamp}"} & set(re.findall(r"\{[a-z]+\}", p.read_text(encoding="utf-8")))
        and any(
            w in p.read_text(encoding="utf-8")
            for w in (
                "report_figures",
                "report_versions",
                "selected_reports(",
                "regional_reports(",
                "filterable_facts",
                "raw.",
            )
        )
    ]
    assert len(names) >= 25
    for name in names:
        run(con, name, **extra)


def test_missing_parameter_is_named(con):
    with pytest.raises(KeyError, match="top_n"):
        queries.run(con, "cases_by_agency", ALL.params())


def test_selection_summary(con):
    row = run(con, "selection_summary").iloc[0].to_dict()
    assert row == {
        "reports": 12,
        "agencies": 4,
        "years": 6,
        "dated_reports": 11,
        "late_reports": 3,
        "flagged_reports": 1,
    }


def test_filters_are_parameters_not_sql(con):
    evil = dataclasses.replace(ALL, regions=("上海市' OR 1=1 --",))
    assert run(con, "selection_summary", evil)["reports"].iloc[0] == 0
    shanghai = dataclasses.replace(ALL, regions=("上海市",))
    assert run(con, "selection_summary", shanghai)["reports"].iloc[0] == 3


def test_each_filter_narrows(con):
    cases = {
        dataclasses.replace(ALL, year_from=2019, year_to=2020): 4,
        dataclasses.replace(ALL, levels=("city", "county")): 7,
        dataclasses.replace(ALL, agency_types=("公安局", "民政局")): 5,
        dataclasses.replace(ALL, agencies=(HAIDIAN,)): 5,
        dataclasses.replace(ALL, formats=("legacy_table", "legacy_prose")): 4,
    }
    for filters, expected in cases.items():
        assert run(con, "selection_summary", filters)["reports"].iloc[0] == expected, filters


def test_headline_2021(con):
    h = run(con, "headline_by_year").set_index("year")
    assert list(h.index) == [2013, 2017, 2018, 2019, 2020, 2021]
    y = h.loc[2021]
    assert (y["reports"], y["requests_new"], y["granted_or_partial"], y["refused"], y["outcome_total"]) == (
        4,
        104,
        63,
        21,
        104,
    )
    assert (y["cases_total"], y["cases_corrected"], y["cases_closed"]) == (71, 21, 61)
    assert y["grant_rate"] == pytest.approx(63 / 104)
    assert y["correction_rate"] == pytest.approx(21 / 61)
    assert h.loc[2017, "proactive_items"] == 300 and h.loc[2013, "proactive_items"] == 1236


def test_coverage_states(con):
    cov = run(con, "coverage")
    assert len(cov) == 4 * 9  # agencies x 2013..2021
    assert cov["state"].value_counts().to_dict() == {"missing": 24, "on_time": 8, "late": 3, "undated": 1}
    late = cov[cov["state"] == "late"].set_index(["agency", "year"])["days_late"].to_dict()
    assert late == {(HAIDIAN, 2018): 15, (HAIDIAN, 2021): 10, ("广州市人民政府", 2020): 29}


def test_missing_years(con):
    m = run(con, "missing_years").set_index("agency")
    assert list(m.loc[SHANGHAI, "gaps"]) == [2020]
    assert list(m.loc["黑河市民政局", "gaps"]) == list(range(2014, 2021))
    assert list(m.loc[HAIDIAN, "gaps"]) == []


def test_trend_series_joins_legacy_to_standard(con):
    df = run(con, "trend_series", **queries.series_params(["outcome_granted"]), group_by="all", top_n=10)
    by_year = df.set_index("year")["value"].to_dict()
    # 2017: legacy 同意公开 15 + 属于已主动公开范围 3; 2021: 予以公开 12 + 20 + 2 + 8.
    assert by_year[2017] == 18 and by_year[2021] == 42 and by_year[2013] == 7


def test_trend_series_top_groups(con):
    df = run(con, "trend_series", **queries.series_params(["requests_new"]), group_by="agency", top_n=2)
    assert set(df["grp"]) == {SHANGHAI, HAIDIAN}


def test_trend_rates_by_level(con):
    df = run(con, "trend_rates", group_by="level", top_n=10)
    small = df[(df["grp"] == "city_department") & (df["year"] == 2021)].iloc[0]
    assert small["requests_base"] == 4 and small["grant_rate"] == pytest.approx(0.75)


def test_facts_behind_requester_column(con):
    rows = run(con, "facts_behind", metrics=["requests_new"], columns=["natural_person"])
    assert len(rows) == 8 and rows["value"].sum() == 6 * (3 + 3 + 3 + 5 + 5 + 2 + 2) + 4
    assert {"file_path", "parser_version", "flag_codes", "evidence"} <= set(rows.columns)


def test_outcomes_count_each_request_once(con):
    df = run(con, "outcomes_by_year")
    per_year = df.groupby("year")["value"].sum().to_dict()
    totals = run(con, "headline_by_year").set_index("year")["outcome_total"].to_dict()
    for year in (2017, 2018, 2019, 2020, 2021):
        assert per_year[year] == totals[year]
    assert "unable_not_held" not in set(df[df["year"] >= 2019]["metric_id"])


def test_agency_rates(con):
    rates = run(con, "agency_rates").set_index("agency")
    assert rates.loc["黑河市民政局", "outcome_total"] == 4
    assert rates.loc[SHANGHAI, "grant_rate"] == pytest.approx(0.6)


def peer_medians(con, agencies):
    return run(
        con,
        "peer_medians",
        dataclasses.replace(ALL, agencies=agencies),
        peer_by="agency_type",
        min_base=10,
        min_peers=cleaned_layer.MIN_PEERS,
    ).set_index("agency")


def test_a_peer_median_is_never_made_of_the_agency_itself_nor_of_fewer_than_three_peers(con):
    peers = peer_medians(con, (HAIDIAN, "黑河市民政局"))
    # 海淀's only other 人民政府 is 广州: one peer, so no median (it was once 海淀 and 广州 together).
    assert peers.loc[HAIDIAN, "request_peers"] == 1 and peers.loc[HAIDIAN, "peer_group"] == "人民政府"
    assert pd.isna(peers.loc[HAIDIAN, "median_grant_rate"])
    assert peers.loc["黑河市民政局", "request_peers"] == 0


def test_a_peer_median_is_the_median_of_the_other_agencies_of_the_group(tmp_path):
    # Three more 人民政府; every fixture report at scale >= 1 grants 6 requests in 10.
    extra = tuple(
        fx.Spec(f"{city}人民政府", f"{city}", "city", "人民政府", 2021, "std2021", scale, "2022-01-20")
        for city, scale in (("甲市", 1), ("乙市", 2), ("丙市", 3))
    )
    db = fx.build(tmp_path / "peers.duckdb", fx.SPECS + extra)
    c = queries.open_snapshot(db)
    try:
        peers = peer_medians(c, (HAIDIAN,))
    finally:
        c.close()
    assert peers.loc[HAIDIAN, "request_peers"] == 4  # 广州, 甲, 乙, 丙: never 海淀 itself
    assert peers.loc[HAIDIAN, "median_grant_rate"] == pytest.approx(0.6)


def test_cases(con):
    by_year = run(con, "cases_by_year").set_index("year")
    assert by_year.loc[2021, "review_total"] == 12 + 20 + 1 + 8
    assert by_year.loc[2021, "litigation_total"] == 9 + 15 + 6
    assert by_year.loc[2018, "litigation_upheld"] == 8
    top = run(con, "cases_by_agency", top_n=1)
    assert top["agency"].tolist() == [SHANGHAI]


def test_data_quality(con):
    flags = run(con, "flags_detail", limit=None)
    assert flags[["agency", "year", "code", "reported_value"]].values.tolist() == [
        [SHANGHAI, 2019, "identity:std_balance", 50.0]
    ]
    assert run(con, "flag_counts").values.tolist() == [["identity:std_balance", 1, 1]]
    assert run(con, "flag_agencies")["agency"].tolist() == [SHANGHAI]
    problems = queries.run(con, "ingest_problems", {})
    assert problems["status"].tolist() == ["failed", "unsupported"]
    assert queries.run(con, "unplaced_reports", {}).empty


def test_report_detail(con):
    spec = fx.SPECS[0]
    rid = fx.report_id(spec)
    meta = queries.run(con, "report_meta", {"report_id": rid}).iloc[0]
    assert meta["agency"] == spec.agency and "<script>" in meta["body_text"]
    facts = queries.run(con, "report_facts", {"report_id": rid})
    assert len(facts) == len(fx.extraction(spec).facts)
    reports = queries.run(con, "agency_reports", {"agency": SHANGHAI})
    assert reports["year"].tolist() == [2021, 2019, 2018]


def test_series_map_uses_eras():
    rows = set(queries.series_map_rows())
    assert ("outcome_already_public", "legacy_table", "outcome_granted") in rows
    assert ("outcome_granted", "std2021", "outcome_granted") in rows
    assert queries.spans_eras("requests_new") and not queries.spans_eras("requests_new_natural_person")
