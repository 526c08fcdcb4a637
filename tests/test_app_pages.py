"""The dashboard under Streamlit's AppTest, on the synthetic fixture database."""

import shutil
from pathlib import Path

import dashboard_fixture as fx
import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from metrics import ui_text
from metrics.dashboard import escape
from metrics.dashboard.registry import PAGES
from metrics.store import open_for_writing

APP = str(Path(__file__).resolve().parent.parent / "app.py")
SHANGHAI_REGION = "上海市"


def open_page(page_path: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page_path:
        at.switch_page(page_path).run()
    return at


def zh(key: str, **values) -> str:
    return ui_text.text("zh", key, **values)


def table_with(at: AppTest, *columns: str):
    """The first table shown whose columns include these (AppTest finds tables by content, not key)."""
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES, ids=[p.key for p in PAGES])
def test_every_page_renders(app_env, page):
    at = open_page(page.path)
    assert_clean(at)
    assert at.title[0].value == zh(f"page_{page.key}")


def test_pages_speak_english_when_switched(app_env):
    at = open_page(query={"lang": "English"})
    assert_clean(at)
    assert at.title[0].value == "Overview"
    assert any(m.label == "Reports" for m in at.metric)


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected_headline(db: Path, region: str | None) -> dict[str, str]:
    """The headline figures computed straight from the raw tables, independently of the app's SQL."""
    where = "WHERE r.region = ?" if region else ""
    args = [region] if region else []
    con = duckdb.connect(str(db), read_only=True)
    try:
        reports, agencies, years = con.execute(
            f"SELECT count(*), count(DISTINCT agency), count(DISTINCT year) FROM reports r {where}", args
        ).fetchone()
        latest = con.execute(f"SELECT max(year) FROM reports r {where}", args).fetchone()[0]
        totals = dict(
            con.execute(
                f"""SELECT f.metric_id, sum(f.value) FROM facts f JOIN reports r USING (report_id)
                {where or "WHERE TRUE"} AND r.year = ? AND f.requester_column = 'total'
                GROUP BY f.metric_id""",
                [*args, latest],
            ).fetchall()
        )
    finally:
        con.close()
    return {
        zh("h_reports"): f"{reports:,}",
        zh("h_agencies"): f"{agencies:,}",
        zh("h_years"): f"{years:,}",
        zh("h_requests"): f"{totals['requests_new']:,.0f}",
        zh(
            "h_grant_rate"
        ): f"{(totals['outcome_granted'] + totals['outcome_partial']) / totals['outcome_total']:.1%}",
        zh("h_refusal_rate"): f"{totals['outcome_denied'] / totals['outcome_total']:.1%}",
    }


def test_region_filter_changes_headline_to_the_database_figures(app_env):
    at = open_page()
    assert_clean(at)
    before = metric_values(at)
    assert before.items() >= expected_headline(app_env, None).items()

    at.multiselect(key="region").set_value([SHANGHAI_REGION]).run()
    assert_clean(at)
    after = metric_values(at)
    assert after.items() >= expected_headline(app_env, SHANGHAI_REGION).items()
    assert after[zh("h_reports")] != before[zh("h_reports")]


def test_filter_state_comes_from_the_url(app_env):
    at = open_page(query={"region": SHANGHAI_REGION, "years": ["2019", "2021"]})
    assert_clean(at)
    assert at.multiselect(key="region").value == [SHANGHAI_REGION]
    assert at.slider(key="years").value == (2019, 2021)
    assert metric_values(at)[zh("h_reports")] == "2"


def test_filters_matching_nothing_say_so(app_env):
    at = open_page(query={"region": SHANGHAI_REGION, "agency": "黑河市民政局"})
    assert_clean(at)
    assert any(w.value == zh("empty_no_match") for w in at.warning)


def test_no_database_says_how_to_ingest(tmp_path, monkeypatch):
    monkeypatch.setenv("OGI_DB", str(tmp_path / "none.duckdb"))
    at = open_page()
    assert_clean(at)
    assert at.info[0].value == zh("empty_no_database", path=escape.markdown(tmp_path / "none.duckdb"))
    assert "ogi ingest" in at.code[0].value


def test_unreadable_database_is_an_error_in_words(tmp_path, monkeypatch):
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database", encoding="utf-8")
    monkeypatch.setenv("OGI_DB", str(bad))
    at = open_page()
    assert not at.exception
    assert at.error and escape.markdown(bad) in at.error[0].value


def test_report_detail_shows_tables_evidence_and_escaped_text(app_env):
    spec = next(s for s in fx.SPECS if s.format == "std2021" and s.scale == 5)
    rid = fx.report_id(spec)
    at = open_page("pages/report.py", query={"report": rid})
    assert_clean(at)
    assert at.selectbox[0].value == spec.agency and at.selectbox[1].value == rid
    assert any("<script>" in c.value for c in at.code), "the original text is shown as code, escaped"
    assert not any("<script>" in m.value for m in at.markdown)
    assert zh("section3") in [m.value.strip("*") for m in at.markdown]
    section3 = table_with(at, "自然人", "总计")
    assert section3.loc[:, "总计"].iloc[0] == "50"
    assert section3.loc[:, "自然人"].iloc[0] == "30"
    evidence_prefix = zh("report_evidence", n=0).split("（")[0]
    assert sum(e.label.startswith(evidence_prefix) for e in at.expander) == 3  # one per standard section


def test_report_detail_shows_a_report_without_publication_date(app_env):
    spec = next(s for s in fx.SPECS if not s.published and s.year)
    at = open_page("pages/report.py", query={"report": fx.report_id(spec)})
    assert_clean(at)
    assert at.selectbox[1].value == fx.report_id(spec)


def test_links_lead_from_a_page_to_report_detail(app_env):
    at = open_page("pages/quality.py")
    assert_clean(at)
    flags = table_with(at, "link", "message")
    assert flags["link"].iloc[0].startswith("report?report=")


def test_reports_behind_a_chart_can_be_shown(app_env):
    at = open_page()
    at.toggle(key="overview_behind").set_value(True).run()
    assert_clean(at)
    table = table_with(at, "link", "flag_codes")
    assert len(table) == len(fx.SPECS)
    assert {"file_path", "parser_version", "flag_codes", "link"} <= set(table.columns)


def test_rates_over_small_denominators_stay_out_of_the_ranking(app_env):
    at = open_page("pages/compare.py")
    at.multiselect(key="compare_agencies").set_value(["黑河市民政局", "上海市公安局"]).run()
    assert_clean(at)
    ranking = table_with(at, "rank", "grant_rate").set_index("agency")
    assert ranking.loc["黑河市民政局", "grant_rate"] != ranking.loc["黑河市民政局", "grant_rate"]  # NaN
    at.checkbox(key="compare_small").check().run()
    ranking = table_with(at, "rank", "grant_rate").set_index("agency")
    assert ranking.loc["黑河市民政局", "grant_rate"] == pytest.approx(0.75)


def test_page_choices_survive_a_narrower_filter(app_env):
    at = open_page("pages/compare.py")
    at.multiselect(key="compare_agencies").set_value(["黑河市民政局", "上海市公安局", "广州市人民政府"]).run()
    at.slider(key="compare_span").set_value((2013, 2021)).run()
    at.multiselect(key="region").set_value(["上海市", "广东省广州市"]).run()
    at.slider(key="years").set_value((2019, 2021)).run()
    assert_clean(at)
    assert at.multiselect(key="compare_agencies").value == ["上海市公安局", "广州市人民政府"]
    assert at.slider(key="compare_span").value == (2019, 2021)


def test_upload_saves_ingests_and_the_new_reports_appear(fixture_db, tmp_path, monkeypatch):
    db = tmp_path / "ogi.duckdb"
    shutil.copyfile(fixture_db, db)
    uploads = tmp_path / "uploads"
    monkeypatch.setenv("OGI_DB", str(db))
    monkeypatch.setenv("OGI_UPLOADS", str(uploads))
    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    files = [
        (name, (fixtures / name).read_bytes(), "text/plain")
        for name in ("std2021_good.txt", "not_a_report.html")
    ]

    at = open_page("pages/upload.py")
    assert_clean(at)
    at.file_uploader(key="upload_files").set_value(files)
    at.button[0].click().run()
    assert_clean(at)
    assert at.success, "a summary of the ingest is shown"

    saved = sorted(p.name.split("-", 1)[1] for p in uploads.iterdir())
    assert saved == ["not_a_report.html", "std2021_good.txt"]
    con = duckdb.connect(str(db), read_only=True)
    try:
        logged = {
            Path(p).name.split("-", 1)[1]
            for (p,) in con.execute(
                "SELECT file_path FROM ingest_log WHERE file_path LIKE ?", [f"{uploads}%"]
            ).fetchall()
        }
        reports = con.execute("SELECT count(*) FROM reports WHERE year IS NOT NULL").fetchone()[0]
    finally:
        con.close()
    assert logged == {"not_a_report.html", "std2021_good.txt"}

    at.switch_page("pages/overview.py").run()
    assert_clean(at)
    assert metric_values(at)[zh("h_reports")] == f"{reports:,}"


def test_a_new_snapshot_shows_once_it_is_built(fixture_db, tmp_path, monkeypatch):
    from metrics.dashboard import data

    db = tmp_path / "ogi.duckdb"
    shutil.copyfile(fixture_db, db)
    monkeypatch.setenv("OGI_DB", str(db))
    at = open_page()
    assert metric_values(at)[zh("h_reports")] == str(len(fx.SPECS))

    extra = fx.Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2019, "std2019", 2, "2020-01-30")
    with open_for_writing(db) as w:
        fx.save(w, extra)
    at.run()  # shows the older snapshot, saying so, if the new one is not built within the wait
    assert_clean(at)
    data.wait_for_current()
    at.run()
    assert_clean(at)
    assert metric_values(at)[zh("h_reports")] == str(len(fx.SPECS) + 1)


def test_report_detail_lays_out_the_legacy_statistics_table(app_env):
    spec = next(s for s in fx.SPECS if s.format == "legacy_table")
    at = open_page("pages/report.py", query={"report": fx.report_id(spec)})
    assert_clean(at)
    table = table_with(at, "统计指标", "统计数").set_index("统计指标")
    assert table.loc["三、依申请公开情况", "统计数"] == ""
    assert table.loc["　收到申请", "统计数"] == str(10 * spec.scale)
    assert table.loc["　　同意公开答复", "统计数"] == str(5 * spec.scale)


def test_rollup_page_shows_the_region_sum_and_offers_both_files_in_english(app_env):
    at = open_page("pages/rollup.py", query={"lang": "English", "rollup_year": "2021"})
    assert_clean(at)
    assert at.title[0].value == "Regional roll-up"
    assert metric_values(at)["Agencies added up"] == "4"
    section3 = table_with(at, "Natural persons", "Total")
    assert section3.iloc[0]["Total"] == "104"
    labels = {b.label for b in at.get("download_button")}
    assert {"Download Excel (official tables)", "Download Word"} <= labels


def test_rollup_page_takes_region_and_year_from_the_url(app_env):
    at = open_page("pages/rollup.py", query={"rollup_year": "2019", "rollup_region": "北京市"})
    assert_clean(at)
    assert at.selectbox(key="rollup_year").value == "2019"
    assert metric_values(at)[zh("rollup_included")] == "1"
    section3 = table_with(at, "自然人", "总计")
    assert section3.iloc[0]["总计"] == "30"


def test_rollup_page_of_a_legacy_year_names_the_figures_without_a_2021_cell(app_env):
    at = open_page("pages/rollup.py", query={"rollup_year": "2018", "rollup_region": "北京市"})
    assert_clean(at)
    unmapped = table_with(at, "metric_id", "why")
    assert {"proactive_items", "litigation_total"} <= set(unmapped["metric_id"])
    assert zh("rollup_unmapped") in [s.value for s in at.subheader]


def test_list_cells_are_kept_as_python_lists_with_the_rest_of_the_frame_as_it_was():
    import numpy as np
    import pandas as pd

    from metrics.dashboard import data

    frame = pd.DataFrame(
        {
            "agency": ["甲", "乙", "丙"],
            "gaps": [np.array([2019, 2021]), np.array([], dtype=int), None],
            "n": [1, 2, 3],
        }
    )
    kept = data._lists_as_python(frame.copy())
    assert kept["gaps"].tolist() == [[2019, 2021], [], None]
    assert all(isinstance(v, list) for v in kept["gaps"].iloc[:2])
    pd.testing.assert_frame_equal(kept[["agency", "n"]], frame[["agency", "n"]])
