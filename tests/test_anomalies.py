"""Anomaly flags: jumps beyond what an agency's size explains, extreme rates on many requests,
carry-over breaks and peers far apart, each found and said in words; the page marks them checked."""

import dashboard_fixture as fx
import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from test_app_pages import APP, assert_clean, table_with

from metrics import anomalies
from metrics.cleaned_layer import MIN_PEERS
from metrics.dashboard import findings

BASE = {
    "region": "某省",
    "level": "county_department",
    "agency_type": "公安局",
    "format": "std2021",
    "requests_carried_over": np.nan,
    "requests_carried_forward": np.nan,
    "review_total": np.nan,
    "litigation_total": np.nan,
}


def reports(rows) -> pd.DataFrame:
    """Rows of (agency, year, requests_new) with outcomes that are neither all granted nor refused."""
    out = []
    for agency, year, requests in rows:
        out.append(
            BASE
            | {
                "report_id": f"{agency}-{year}",
                "agency": agency,
                "year": year,
                "requests_new": float(requests),
                "outcome_total": float(requests),
                "granted_or_partial": float(requests) * 0.6,
                "refused": float(requests) * 0.05,
            }
        )
    return pd.DataFrame(out)


def find(figures: pd.DataFrame) -> pd.DataFrame:
    """The anomalies of these report rows, built as a snapshot builds them from its report_figures."""
    with duckdb.connect() as con:
        con.register("report_figures", pa.Table.from_pandas(figures))  # NaN as NULL, as SQL gives it
        anomalies.build(con, MIN_PEERS)
        return con.execute("SELECT * EXCLUDE (ordinal) FROM anomalies ORDER BY ordinal").df()


def steady_agencies(n=30, years=range(2015, 2023)) -> list[tuple[str, int, int]]:
    rng = np.random.default_rng(3)
    rows = []
    for a in range(n):
        level = rng.integers(5, 2000)
        rows += [(f"机关{a}", y, int(level * rng.uniform(0.7, 1.4))) for y in years]
    return rows


def test_a_hundredfold_jump_is_found_and_steady_years_are_not():
    figures = reports(
        steady_agencies() + [("跳变局", 2020, 40), ("跳变局", 2021, 4000), ("跳变局", 2022, 40)]
    )
    found = find(figures)
    jumps = found[found["code"] == "anomaly:jump:requests_new"]
    assert set(zip(jumps["agency"], jumps["year"], jumps["kind"], strict=True)) == {
        ("跳变局", 2021, "jump_up"),
        ("跳变局", 2022, "jump_down"),
    }
    assert jumps["factor"].tolist() == [100.0, 100.0]


def test_a_large_change_on_a_small_base_is_not_a_jump():
    found = find(reports(steady_agencies() + [("小机关", 2020, 2), ("小机关", 2021, 60)]))
    jumps = found[found["code"].str.startswith("anomaly:jump")]
    assert "小机关" not in set(jumps["agency"])


def test_all_refused_on_many_requests_is_flagged_and_on_few_it_is_not():
    figures = reports([("拒绝局", 2021, 200), ("少量局", 2021, 20)])
    figures["refused"] = figures["outcome_total"]
    figures["granted_or_partial"] = 0.0
    found = find(figures)
    assert set(zip(found["agency"], found["kind"], strict=True)) == {
        ("拒绝局", "refusal_all"),
        ("拒绝局", "grant_none"),
    }


def test_carried_over_that_is_not_last_years_carried_forward_is_a_break():
    figures = reports([("结转局", 2020, 50), ("结转局", 2021, 50), ("结转局", 2022, 50)])
    figures["requests_carried_forward"] = [5.0, 7.0, 3.0]
    figures["requests_carried_over"] = [np.nan, 5.0, 9.0]
    found = find(figures)
    assert found[["year", "kind", "value", "reference"]].values.tolist() == [[2022, "carried", 9.0, 7.0]]
    assert found["code"].iloc[0] == "across_years:carried_over"


def test_a_figure_far_above_its_peers_is_flagged_with_the_median_of_the_others():
    figures = reports([(f"同类{i}", 2021, 50 + i) for i in range(6)] + [("超大局", 2021, 5000)])
    found = find(figures)
    assert found[["agency", "kind", "reference", "peers"]].values.tolist() == [
        ["超大局", "peers_high", 52.5, 6]
    ]


@pytest.mark.parametrize("others", [[5.0, 1, 9, 3, 7, 2], [5.0, 1, 9, 3, 7, 2, 8], [4.0, 4, 4, 1, 9, 9, 2]])
def test_each_agency_is_judged_against_the_median_of_the_others(others):
    """Odd and even numbers of others, and ties: the reference is the median without the agency."""
    peers = [(f"同类{i}", 2021, 100 * v) for i, v in enumerate(others)]
    # A low agency among them: its peers' median is the median of `others` alone.
    found = find(reports([*peers, ("超小局", 2021, 1)]))
    low = found[found["agency"] == "超小局"]
    assert low[["kind", "reference", "peers"]].values.tolist() == [
        ["peers_low", float(np.median(np.array(others) * 100)), len(others)]
    ]


def test_each_anomaly_reads_as_a_sentence_with_its_numbers_in_both_languages():
    figures = reports(steady_agencies() + [("跳变局", 2020, 40), ("跳变局", 2021, 4000)])
    row = find(figures).query("agency == '跳变局'").iloc[0].to_dict()
    zh, en = findings.anomaly_sentence(row, "zh"), findings.anomaly_sentence(row, "en")
    assert "2020 年的 40" in zh and "4,000" in zh and "100 倍" in zh
    assert "from 40 in 2020 to 4,000 in 2021, 100 times" in en


JUMP_SPEC = fx.Spec("广州市人民政府", "广东省广州市", "city", "人民政府", 2022, "std2021", 200, "2023-01-20")


@pytest.fixture
def anomaly_db(tmp_path, monkeypatch):
    """The dashboard fixture plus Guangzhou's 2022 report at 100 times its 2021 figures."""
    db = fx.build(tmp_path / "ogi.duckdb", fx.SPECS + (JUMP_SPEC,))
    monkeypatch.setenv("OGI_DB", str(db))
    return db


def open_anomalies(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/anomalies.py").run()
    return at


@pytest.mark.parametrize("lang", ["中文", "English"])
def test_anomaly_page_lists_the_planted_jump_and_carry_over_break_in_both_languages(anomaly_db, lang):
    at = open_anomalies(lang)
    assert_clean(at)
    shown = table_with(at, "agency", "sentence")
    assert set(shown["agency"]) == {"广州市人民政府"} and set(shown["year"]) == {2022}
    assert {"jump_up", "carried"} <= set(shown["kind"])
    jump = shown[shown["code"] == "anomaly:jump:requests_new"]["sentence"].iloc[0]
    assert "20" in jump and "2,000" in jump and "100" in jump


def test_marking_an_anomaly_confirmed_hides_it_until_asked(anomaly_db):
    at = open_anomalies("中文")
    before = len(table_with(at, "sentence"))
    at.selectbox(key="flag_status_choice").set_value("confirmed").run()
    at.button(key="flag_status_save").click().run()
    assert_clean(at)
    assert len(table_with(at, "sentence")) == before - 1
    at.toggle(key="anomaly_confirmed").set_value(True).run()
    assert len(table_with(at, "sentence")) == before
