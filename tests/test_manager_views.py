"""Compare year by year, the view in the URL, links that keep filters, and the table builder (AppTest)."""

import dashboard_fixture as fx
from test_app_pages import assert_clean, open_page, table_with, zh

from metrics import catalog, exports, ui_text

HAIDIAN = "北京市海淀区人民政府"
SHANGHAI = "上海市公安局"
GUANGZHOU = "广州市人民政府"
REQUESTS = catalog.label("requests_new")


def en(key: str, **values) -> str:
    return ui_text.text("en", key, **values)


def test_compare_shows_each_agency_year_by_year_with_unreported_years_as_a_dash(app_env):
    at = open_page("pages/compare.py")
    at.multiselect(key="compare_agencies").set_value([HAIDIAN, SHANGHAI]).run()
    assert_clean(at)
    table = table_with(at, zh("col_indicator"), "2017").set_index([zh("col_agency"), zh("col_indicator")])
    assert list(table.columns) == [str(y) for y in range(2013, 2022)]
    assert table.loc[(HAIDIAN, REQUESTS), "2017"] == "30"
    assert table.loc[(SHANGHAI, REQUESTS), "2020"] == "—"  # no 2020 report: unknown, not 0
    assert table.loc[(SHANGHAI, zh("rate_grant_rate")), "2021"] == "60.0%"
    assert any(c.key == "compare_yearly_chart" for c in at.get("plotly_chart"))


def test_the_ranking_leads_with_the_rank_sorted_by_the_chosen_rate_and_names_ties(app_env):
    at = open_page("pages/compare.py")
    at.multiselect(key="compare_agencies").set_value([HAIDIAN, SHANGHAI, GUANGZHOU, "黑河市民政局"]).run()
    assert_clean(at)
    ranking = table_with(at, "rank_label", "grant_rate")
    # Every agency with ten or more requests grants 60 %: all share rank 1, and say so.
    assert ranking["rank_label"].tolist() == [zh("rank_tied", n=1)] * 3 + ["—"]
    assert ranking["agency"].iloc[-1] == "黑河市民政局"
    assert ranking["level"].tolist()[:3] == ["省级部门", "县级政府", "市级政府"]  # ties by name
    element = next(d for d in at.dataframe if "rank_label" in d.value.columns)
    assert element.proto.column_order[:3] == ["rank_label", "agency", "grant_rate"]


def test_the_peer_table_gives_no_median_made_of_fewer_than_three_other_agencies(app_env):
    at = open_page("pages/compare.py")
    at.multiselect(key="compare_agencies").set_value([HAIDIAN, GUANGZHOU]).run()
    assert_clean(at)
    peers = table_with(at, "request_peers", "median_grant_rate").set_index("agency")
    assert peers.loc[HAIDIAN, "request_peers"] == 1
    assert peers["median_grant_rate"].isna().all()


def test_a_link_restores_every_page_control_in_the_other_language(app_env):
    query = {
        "lang": "English",
        "region": ["北京市海淀区", "上海市"],
        "compare_span": ["2018", "2021"],
        "compare_agencies": [HAIDIAN, SHANGHAI],
        "compare_indicators": ["review_total", "correction_rate"],
        "compare_rank_by": "refusal_rate",
        "compare_peer_by": "level",
        "compare_peer_rate": "correction_rate",
        "compare_small": "true",
    }
    at = open_page("pages/compare.py", query=query)
    assert_clean(at)
    assert at.title[0].value == en("page_compare")
    assert at.multiselect(key="region").value == ["北京市海淀区", "上海市"]
    assert at.slider(key="compare_span").value == (2018, 2021)
    assert at.multiselect(key="compare_agencies").value == [HAIDIAN, SHANGHAI]
    assert at.multiselect(key="compare_indicators").value == ["review_total", "correction_rate"]
    assert at.selectbox(key="compare_rank_by").value == "refusal_rate"
    assert at.radio(key="compare_peer_by").value == "level"
    assert at.selectbox(key="compare_peer_rate").value == "correction_rate"
    assert at.checkbox(key="compare_small").value is True


def test_trend_controls_are_kept_in_the_url_as_codes(app_env):
    at = open_page("pages/trends.py")
    at.selectbox(key="trend_group").set_value("level").run()
    at.multiselect(key="trend_series").set_value(["requests_new", "review_total"]).run()
    assert_clean(at)
    assert at.query_params["trend_group"] == "level"
    assert at.query_params["trend_series"] == ["requests_new", "review_total"]


def share_link(at) -> str:
    return next(c.value for c in at.code if "?" in c.value)


def test_the_copy_link_holds_the_filters_the_language_and_the_page_controls(app_env):
    query = {
        "lang": "English",
        "region": ["上海市", "广东省广州市", "北京市海淀区"],
        "compare_agencies": [SHANGHAI, GUANGZHOU],
    }
    at = open_page("pages/compare.py", query=query)
    assert_clean(at)
    link = share_link(at)
    assert link.startswith("/compare?")
    expected = (
        "lang=English",
        "region=%E4%B8%8A%E6%B5%B7%E5%B8%82&region=",
        "compare_agencies=",
        "compare_indicators=requests_new&compare_indicators=grant_rate",  # a control left at its default
        "compare_rank_by=grant_rate",
    )
    for part in expected:
        assert part in link, link
    assert [p.proto.popover.label for p in at.get("popover")] == [en("share_link")]


def test_links_to_a_report_keep_the_filters_and_the_language(app_env):
    at = open_page("pages/quality.py", query={"lang": "English", "region": "上海市"})
    assert_clean(at)
    link = table_with(at, "link", "message")["link"].iloc[0]
    assert link.startswith("report?") and "lang=English" in link and "region=" in link and "report=" in link


def test_tables_write_a_dash_and_report_detail_shows_labels_not_codes_paths_or_hashes(app_env):
    spec = next(s for s in fx.SPECS if s.format == "std2019" and not s.published)
    at = open_page("pages/report.py", query={"report": fx.report_id(spec), "lang": "English"})
    assert_clean(at)
    fields = dict(
        row
        for d in at.dataframe
        if list(d.value.columns) == ["field", "value"]
        for row in d.value.itertuples(index=False)
    )
    assert fields[en("col_status")] == en("ingest_ok")
    assert fields[en("f_level")] == "county"
    assert fields[en("col_file")] == "2020.html"
    assert fields[en("published")] == "—"
    assert en("col_report") not in fields
    assert all(d.proto.placeholder == "—" for d in at.dataframe if d.proto.placeholder)


def test_the_table_builder_gives_one_table_per_group_and_a_row_per_agency_and_year(app_env):
    at = open_page(
        "pages/builder.py",
        query={
            "builder_agencies": HAIDIAN,
            "builder_regions": "上海市",
            "builder_metrics": ["requests_new", "review_total", "litigation_total"],
            "builder_years": ["2019", "2021"],
        },
    )
    assert_clean(at)
    assert [s.value for s in at.main.subheader] == [
        zh("section_requests"),
        zh("section_review"),
        zh("section_litigation"),
    ]
    requests = table_with(at, zh("col_agency"), REQUESTS)
    assert requests[zh("col_agency")].tolist() == [SHANGHAI] * 3 + [HAIDIAN] * 3
    assert requests[REQUESTS].tolist() == ["50", "—", "50", "30", "30", "30"]


def test_the_table_builder_download_is_the_table_shown(app_env):
    at = open_page(
        "pages/builder.py",
        query={"builder_agencies": [HAIDIAN, GUANGZHOU], "builder_metrics": "requests_new"},
    )
    assert_clean(at)
    shown = table_with(at, zh("col_agency"), REQUESTS)
    text = exports.to_csv_bytes(shown).decode("utf-8-sig").splitlines()
    assert text[0] == f"{zh('col_agency')},{zh('year')},{REQUESTS}"
    assert f"{GUANGZHOU},2020,20" in text and f"{GUANGZHOU},2019,—" in text


def test_the_table_builder_asks_for_agencies_first(app_env):
    at = open_page("pages/builder.py")
    assert_clean(at)
    assert at.info[0].value == zh("builder_pick")
