"""Copied text: the same agency's earlier text and another agency's text of the same year are found by
MinHash LSH on the prose alone; template sentences, statistics and names do not make reports alike."""

import threading
import time

import dashboard_fixture as fx
import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from test_app_pages import APP, assert_clean, table_with

from metrics import similarity
from metrics.dashboard import data, escape
from metrics.store import open_for_writing

TEMPLATE = "本报告根据《中华人民共和国政府信息公开条例》编制。所列数据的统计期限自1月1日起至12月31日止。\n"
COPIED = (
    "今年我们围绕优化营商环境开设了惠企政策专栏，逐条解读减税降费措施并附办事指南。"
    "针对群众反映集中的住房保障问题，组织专人梳理历年申请材料，编制了公租房申请一次告知清单。"
    "在乡村振兴领域，把驻村帮扶项目的资金安排和进度按季度挂网，接受群众监督。"
)


def own_words(seed: int) -> str:
    """A paragraph of this agency's own, unlike any other's."""
    topics = ["河道治理", "校园安全", "食品抽检", "养老服务", "道路养护", "林地保护", "供水改造", "社区医疗"]
    verbs = ["专题公开", "逐月通报", "集中解读", "在线答复", "上门宣讲", "编印手册", "开设窗口", "召开座谈"]
    parts = [
        f"围绕{topics[(seed + i) % 8]}工作{verbs[(seed * 3 + i) % 8]}，第{'甲乙丙丁戊己庚辛'[i]}批事项已办结"
        for i in range(6)
    ]
    return "。".join(parts) + "。"


def report(agency: str, year: int, body: str, region: str = "某省某市") -> dict:
    stats = f"全年主动公开政府信息{year % 97 + 12}条，收到申请{year % 13 + 5}件，办结{year % 11 + 3}件。\n"
    table = "一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4\n"
    return {
        "report_id": f"{agency}-{year}",
        "agency": agency,
        "region": region,
        "year": year,
        "body_text": f"{agency}{year}年政府信息公开工作年度报告\n{TEMPLATE}{stats}{table}{body}\n{agency}",
    }


@pytest.fixture(scope="module")
def pairs():
    rows = [report(f"第{a}局", y, own_words(a * 17 + y)) for a in range(12) for y in (2021, 2022)]
    rows += [
        report("抄袭局", 2021, COPIED),
        report("抄袭局", 2022, COPIED),  # its own last year's text again
        report("照搬局", 2022, COPIED + "另外，本局还开展了普法宣传。"),  # another agency's, same year
    ]
    return similarity.compare(pd.DataFrame(rows)).pairs


def relation_of(pairs, report_id, relation):
    hit = pairs[(pairs["report_id"] == report_id) & (pairs["relation"] == relation)]
    return (hit["match_id"].iloc[0], hit["similarity"].iloc[0]) if len(hit) else (None, 0.0)


def test_text_copied_from_the_agencys_own_earlier_report_is_found(pairs):
    match, score = relation_of(pairs, "抄袭局-2022", "own_earlier")
    assert match == "抄袭局-2021" and score > 0.9


def test_text_copied_from_another_agency_the_same_year_is_found_both_ways(pairs):
    assert relation_of(pairs, "照搬局-2022", "other_same_year")[0] == "抄袭局-2022"
    assert relation_of(pairs, "抄袭局-2022", "other_same_year")[0] == "照搬局-2022"


def test_own_words_with_the_same_template_statistics_and_names_are_not_alike(pairs):
    planted = {"抄袭局-2021", "抄袭局-2022", "照搬局-2022"}
    assert set(pairs.loc[pairs["similarity"] >= similarity.LSH_THRESHOLD, "report_id"]) <= planted


def test_a_report_is_never_matched_with_a_later_year_or_another_agencys_other_year(pairs):
    years = pairs[pairs["relation"] == "own_earlier"]
    assert (years["match_year"] < years["year"]).all()
    others = pairs[pairs["relation"] == "other_same_year"]
    assert (others["match_year"] == others["year"]).all() and (
        others["match_agency"] != others["agency"]
    ).all()


def test_statistics_table_rows_and_template_sentences_are_not_prose():
    prose = similarity.sentences(report("某局", 2022, COPIED)["body_text"], ("某局", "某省某市"))
    assert not any("|" in s or "收到申请" in s for s in prose.sentences)
    assert any(s.startswith("今年我们围绕优化营商环境") for s in prose.sentences)


def test_shared_passages_mark_the_copied_paragraph_in_both_texts():
    a = "前言不同的一段话。" + COPIED
    b = COPIED + "结尾也不同。"
    marks_a, marks_b = similarity.shared_passages(a, b)
    assert sum(e - s for s, e in marks_a) == len(COPIED) == sum(e - s for s, e in marks_b)


def test_marked_text_is_escaped_html():
    shown = escape.marked_html("<b>x</b> 抄写的段落", [(9, 14)])
    assert shown == "&lt;b&gt;x&lt;/b&gt; <mark>抄写的段落</mark>"


@pytest.fixture
def copied_db(tmp_path, monkeypatch):
    """The dashboard fixture where Guangzhou's 2021 text is Haidian's 2021 text."""
    db = fx.build(tmp_path / "ogi.duckdb")
    with duckdb.connect(str(db)) as con:
        for spec in fx.SPECS:
            if spec.year == 2021 and spec.agency in ("广州市人民政府", "北京市海淀区人民政府"):
                con.execute(
                    "UPDATE reports SET body_text = ? WHERE report_id = ?", [COPIED, fx.report_id(spec)]
                )
    monkeypatch.setenv("OGI_DB", str(db))
    return db


@pytest.mark.parametrize("lang", ["中文", "English"])
def test_copied_text_page_lists_the_pair_and_highlights_the_passage_in_both_languages(copied_db, lang):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/similar.py").run()
    assert_clean(at)
    shown = table_with(at, "agency", "match_agency", "similarity")
    assert set(zip(shown["agency"], shown["match_agency"], strict=True)) == {
        ("广州市人民政府", "北京市海淀区人民政府"),
        ("北京市海淀区人民政府", "广州市人民政府"),
    }
    marked = [h.proto.body for h in at.get("html")]
    assert len(marked) == 2 and all("<mark>今年我们围绕优化营商环境" in m for m in marked)


def test_copied_text_page_filters_by_region(copied_db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["region"] = "广东省广州市"
    at.run()
    at.switch_page("pages/similar.py").run()
    assert_clean(at)
    assert list(table_with(at, "agency", "match_agency")["agency"]) == ["广州市人民政府"]


def held_comparisons(monkeypatch) -> threading.Event:
    """Comparisons that wait for the returned event (the minutes a million reports take)."""
    release = threading.Event()
    compare = similarity.compare

    def held(*args, **kwargs):
        release.wait(60)
        return compare(*args, **kwargs)

    monkeypatch.setattr(similarity, "compare", held)
    return release


def finish(release: threading.Event) -> None:
    release.set()
    while data.comparing_since() is not None:
        time.sleep(0.1)


def test_the_page_says_a_long_comparison_runs_instead_of_waiting_for_it(copied_db, monkeypatch):
    """The page comes back within its wait, says the comparison runs, and lists the pairs once done."""
    release = held_comparisons(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    started = time.monotonic()
    at.switch_page("pages/similar.py").run()
    assert time.monotonic() - started < 20  # the page's wait (2 s) and its run, not the comparison
    assert_clean(at)
    assert any(i.value.startswith("正在比对全部报告的文字") for i in at.info)
    finish(release)
    at.run()
    assert_clean(at)
    assert not at.info and len(table_with(at, "agency", "match_agency")) == 2


def test_a_snapshot_too_large_to_compare_within_the_wait_is_not_waited_for(copied_db, monkeypatch):
    release = held_comparisons(monkeypatch)
    monkeypatch.setattr(data, "COMPARISON_WAIT_SECONDS", 60.0)
    monkeypatch.setattr(data, "COMPARISON_WAIT_MAX_REPORTS", len(fx.SPECS) - 1)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    started = time.monotonic()
    at.switch_page("pages/similar.py").run()
    assert time.monotonic() - started < 30  # not the minute a smaller snapshot would be waited for
    assert_clean(at)
    assert any(i.value.startswith("正在比对全部报告的文字") for i in at.info)
    finish(release)


def test_after_an_ingest_the_page_shows_the_pairs_it_had_while_the_new_comparison_runs(
    copied_db, monkeypatch
):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/similar.py").run()
    assert len(table_with(at, "agency", "match_agency")) == 2
    with open_for_writing(copied_db) as writer:  # a new database version
        writer.set_flag_status(fx.report_id(fx.SPECS[0]), "anomaly:test", "contacted")
    release = held_comparisons(monkeypatch)
    data.wait_for_current()  # the new snapshot is in (the pages may go on with the older one a moment)
    at.run()
    assert_clean(at)
    assert any(i.value.startswith("正在比对新导入后的全部报告") for i in at.info)
    assert len(table_with(at, "agency", "match_agency")) == 2
    finish(release)
    at.run()
    assert not at.info and len(table_with(at, "agency", "match_agency")) == 2
