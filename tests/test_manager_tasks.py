"""A manager's tasks on the dashboard under AppTest: late and missing lists, unknown rates, findings
in words with a follow-up status, and upload results, in both languages where they say something."""

import re
import shutil
from pathlib import Path

import dashboard_fixture as fx
import pytest
from streamlit.testing.v1 import AppTest

from metrics import ui_text
from metrics.dashboard import widgets
from metrics.store import open_for_writing

APP = str(Path(__file__).resolve().parent.parent / "app.py")
FLAGGED = next(s for s in fx.SPECS if (s.agency, s.year) == ("上海市公安局", 2019))


def zh(key: str, **values) -> str:
    return ui_text.text("zh", key, **values)


def en(key: str, **values) -> str:
    return ui_text.text("en", key, **values)


def open_page(page_path: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page_path:
        at.switch_page(page_path).run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def table_with(at: AppTest, *columns: str):
    return next(d.value for d in at.dataframe if set(columns) <= set(d.value.columns))


@pytest.fixture
def own_db(fixture_db, tmp_path, monkeypatch):
    """A copy of the fixture database the test may change, with uploads beside it."""
    db = tmp_path / "ogi.duckdb"
    shutil.copyfile(fixture_db, db)
    monkeypatch.setenv("OGI_DB", str(db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    return db


@pytest.fixture
def app_env(fixture_db, monkeypatch):
    monkeypatch.setenv("OGI_DB", str(fixture_db))


def test_overview_lists_late_reports_with_days_late_and_missing_years_as_rows(app_env):
    at = open_page()
    assert any("#late-missing" in m.value and zh("late_missing_link") in m.value for m in at.markdown)
    at.selectbox(key="late_missing_year").set_value("2020").run()
    table = table_with(at, zh("col_agency"), zh("col_days_late"))
    rows = {(r[zh("col_agency")], r[zh("col_state")]): r for _, r in table.iterrows()}
    assert set(rows) == {
        ("广州市人民政府", zh("state_late")),
        ("上海市公安局", zh("state_missing")),
        ("黑河市民政局", zh("state_missing")),
    }
    late = rows[("广州市人民政府", zh("state_late"))]
    assert late[zh("col_days_late")] == 29
    assert f"{late[zh('deadline')]:%Y-%m-%d}" == "2021-01-31"
    assert f"{rows[('上海市公安局', zh('state_missing'))][zh('deadline')]:%Y-%m-%d}" == "2021-01-31"
    assert {m.label: m.value for m in at.metric}[zh("h_missing")] == "24"


def test_a_long_late_and_missing_list_shows_its_first_rows_and_says_how_many_there_are(app_env, monkeypatch):
    monkeypatch.setattr(widgets, "MAX_LIST_ROWS", 2)
    at = open_page()
    table = table_with(at, zh("col_agency"), zh("col_days_late"))
    assert len(table) == 2 and list(table[zh("year")]) == sorted(table[zh("year")], reverse=True)
    said = [
        c.value for c in at.caption if re.fullmatch(zh("list_truncated", shown=2, total=r"(\d+)"), c.value)
    ]
    assert len(said) == 1 and int(re.search(r"\d+", said[0]).group()) > 2


def test_the_late_and_missing_year_is_kept_in_the_url_and_restored_from_it(app_env):
    at = open_page()
    at.selectbox(key="late_missing_year").set_value("2020").run()
    assert at.query_params["late_missing_year"] == "2020"
    shared = open_page(query={"late_missing_year": "2020"})
    assert shared.selectbox(key="late_missing_year").value == "2020"


def test_a_rate_no_report_gives_is_not_reported_with_the_reason_not_a_dash(app_env):
    at = open_page(query={"years": ["2013", "2013"]})
    kpis = {m.label: m for m in at.metric}
    grant = kpis[zh("h_grant_rate")]
    assert grant.value == zh("not_reported")
    assert zh("unknown_outcome_total", year=2013) in grant.help
    correction = kpis[zh("h_correction_rate")]
    assert correction.value == zh("not_reported")
    assert zh("unknown_correction", year=2013) in correction.help


def test_lawsuit_correction_rate_before_2019_is_a_stated_gap_not_zero(app_env):
    at = open_page("pages/review.py", query={"years": ["2017", "2018"]})
    note = zh("rate_unknown_years", rate=zh("rate_litigation_correction_rate"), years="2017–2018")
    assert note in [c.value for c in at.caption]
    assert not any(
        zh("rate_unknown_years", rate=zh("rate_review_correction_rate"), years="2017–2018") == c.value
        for c in at.caption
    )


def test_2019_note_says_what_changed_and_how_many_reports_each_year_has(app_env):
    at = open_page("pages/trends.py")
    note = next(i.value for i in at.info if zh("format_change_note") in i.value)
    assert "2018 年 2 份" in note and "2021 年 4 份" in note
    at = open_page("pages/trends.py", query={"lang": "English"})
    assert any(en("format_change_note") in i.value and "2021: 4" in i.value for i in at.info)


def test_a_finding_is_one_sentence_with_the_numbers_in_either_language(app_env):
    at = open_page("pages/quality.py")
    flags = table_with(at, "sentence", "status_label")
    said = flags.loc[flags["agency"] == FLAGGED.agency, "sentence"].iloc[0]
    assert said.endswith("差 1 件。") and "为 55" in said and "合计 56" in said
    assert flags["status_label"].iloc[0] == zh("flag_status_open")
    at = open_page("pages/quality.py", query={"lang": "English"})
    said = table_with(at, "sentence").loc[lambda f: f["agency"] == FLAGGED.agency, "sentence"].iloc[0]
    assert "is 55" in said and "add up to 56" in said and "1 apart" in said


def test_a_long_list_of_findings_shows_its_first_rows_and_says_how_many_there_are(own_db, monkeypatch):
    early = fx.Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2019, "std2019", 2, "2019-12-20")
    with open_for_writing(own_db) as w:  # a second finding: a report published within its own year
        fx.save(w, early)
    every = table_with(open_page("pages/quality.py"), "sentence", "status_label")
    assert len(every) >= 2
    monkeypatch.setattr(widgets, "MAX_LIST_ROWS", 1)
    at = open_page("pages/quality.py")
    listed = table_with(at, "sentence", "status_label")
    assert (
        listed[["agency", "year", "sentence"]].values.tolist()
        == every[["agency", "year", "sentence"]].head(1).values.tolist()
    )
    assert zh("list_truncated", shown=1, total=len(every)) in [c.value for c in at.caption]
    # The follow-up editor offers the listed findings.
    assert len(at.selectbox(key="flag_status_pick").options) == 1


def test_report_detail_highlights_the_cells_a_finding_is_about(app_env):
    at = open_page("pages/report.py", query={"report": fx.report_id(FLAGGED)})
    section3 = next(d for d in at.dataframe if "自然人" in d.value.columns)
    styles = section3.proto.arrow_data.styler.styles
    marked = {(int(r), int(c)) for r, c in re.findall(r"row(\d+)_col(\d+)", styles)}
    total_col = list(section3.value.columns).index("总计")
    rows = [section3.value.index[r].strip("　") for r, c in sorted(marked) if c == total_col]
    assert rows and all(c == total_col for _, c in marked)
    assert {rows[0], rows[1]} == {"本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量"}
    assert "总计" in rows and any("结转下年度" in r for r in rows)
    assert zh("report_flag_cells") in [c.value for c in at.caption]


def test_a_follow_up_status_is_stored_and_kept_when_the_report_is_ingested_again(own_db):
    at = open_page("pages/quality.py")
    at.selectbox(key="flag_status_choice").set_value("contacted").run()
    at.text_input(key="flag_status_note").input("已电话联系办公室").run()
    at.button(key="flag_status_save").click().run()
    flags = table_with(at, "sentence", "status_label")
    assert flags["status_label"].iloc[0] == zh("flag_status_contacted")
    assert flags["note"].iloc[0] == "已电话联系办公室"

    with open_for_writing(own_db) as w:  # the same file ingested again
        fx.save(w, FLAGGED)
    at = open_page("pages/quality.py")
    assert table_with(at, "sentence", "status_label")["status_label"].iloc[0] == zh("flag_status_contacted")
    at = open_page("pages/report.py", query={"report": fx.report_id(FLAGGED)})
    assert table_with(at, "sentence", "status")["status"].iloc[0] == zh("flag_status_contacted")


def test_a_report_published_within_its_own_year_is_a_finding(own_db):
    early = fx.Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2019, "std2019", 2, "2019-12-20")
    with open_for_writing(own_db) as w:
        fx.save(w, early)
    at = open_page("pages/quality.py")
    flags = table_with(at, "sentence", "code")
    row = flags[flags["code"] == "date:published_in_year"]
    assert row["sentence"].tolist() == [zh("finding_published_in_year", date="2019-12-20", year=2019)]


def test_upload_results_name_agency_and_year_and_say_when_nothing_was_new(own_db):
    fixtures = Path(__file__).parent / "fixtures" / "ingest"
    good = (fixtures / "std2021_good.txt").read_bytes()
    at = open_page("pages/upload.py")
    at.file_uploader(key="upload_files").set_value([("std2021_good.txt", good, "text/plain")])
    at.button[0].click().run()
    first = table_with(at, "file", "agency", "year", "result")
    assert first["result"].tolist() == [zh("upload_result_new")]
    assert first["agency"].iloc[0] and first["year"].iloc[0] > 2000
    assert not at.info or all(i.value != zh("upload_nothing_new") for i in at.info)

    at.file_uploader(key="upload_files").set_value(
        [("std2021_good.txt", good, "text/plain"), ("copy of the same.txt", good, "text/plain")]
    )
    at.button[0].click().run()
    assert [i.value for i in at.info] == [zh("upload_nothing_new")]
    results = table_with(at, "file", "agency", "year", "result").set_index("file")
    assert results.loc["std2021_good.txt", "result"] == zh("upload_result_unchanged")
    assert results.loc["copy_of_the_same.txt", "result"] == zh("upload_result_duplicate")
    assert results.loc["copy_of_the_same.txt", "agency"] == first["agency"].iloc[0]
    assert not at.warning, "a duplicate is not a failure"
