"""The agency directory (机关名录): region paths from the gazetteer and from people's entries, renamed
agencies as one series, the CSV round trip, and entries kept across re-ingest and rebuild."""

from pathlib import Path

import dashboard_fixture as fx
import pandas as pd
import pytest

from metrics import directory, gazetteer, queries, ui_text
from metrics.rebuild import rebuild
from metrics.rollup import compute
from metrics.store import open_for_writing

ROOT = Path(__file__).resolve().parent.parent

# A province's city printed without its province (as the demo corpus prints them), a real city
# whose province only the gazetteer knows, and a bureau renamed in the 2018 institutional reform.
SPECS = (
    fx.Spec("青岚省人民政府", "青岚省", "province", "人民政府", 2021, "std2021", 3, "2022-01-20"),
    fx.Spec("云川市教育局", "云川市", "city_department", "教育局", 2021, "std2021", 2, "2022-01-20"),
    fx.Spec("广州市教育局", "广州市", "city_department", "教育局", 2021, "std2021", 2, "2022-01-20"),
    fx.Spec("平潭县农业局", "平潭县", "county_department", "农业局", 2016, "legacy_table", 1, "2017-03-20"),
    fx.Spec("平潭县农业局", "平潭县", "county_department", "农业局", 2017, "legacy_table", 1, "2018-03-20"),
    fx.Spec(
        "平潭县农业农村局", "平潭县", "county_department", "农业农村局", 2019, "std2019", 1, "2020-01-20"
    ),
    fx.Spec(
        "平潭县农业农村局", "平潭县", "county_department", "农业农村局", 2021, "std2021", 1, "2022-01-20"
    ),
    fx.Spec("平潭县公安局", "平潭县", "county_department", "公安局", 2021, "std2021", 1, "2022-01-20"),
)


@pytest.fixture
def db(tmp_path) -> Path:
    return fx.build(tmp_path / "ogi.duckdb", SPECS)


def figures(db: Path, sql: str) -> pd.DataFrame:
    with queries.open_snapshot(db) as con:
        return con.execute(sql).df()


def rollup_agencies(db: Path, region: str) -> set[str]:
    with queries.open_snapshot(db) as con:
        return set(compute.compute(con, compute.Selection(region, 2021)).reports["agency"])


def import_rows(db: Path, rows: list[dict]) -> directory.Imported:
    return directory.import_csv(db, pd.DataFrame(rows))


def test_a_city_printed_without_its_province_is_placed_in_it_by_the_gazetteer():
    assert gazetteer.gazetteer_path("广州市") == "广东省广州市"
    assert gazetteer.gazetteer_path("黑河市") == "黑龙江省黑河市"
    assert gazetteer.gazetteer_path("义乌市") == "浙江省金华市义乌市"  # a county-level city
    # Names the country has more than once, or that name their province already, stay as printed.
    assert gazetteer.gazetteer_path("朝阳区") == "朝阳区"
    assert gazetteer.gazetteer_path("石桥县") == "石桥县"
    assert gazetteer.gazetteer_path("北京市海淀区") == "北京市海淀区"
    assert gazetteer.gazetteer_path("云川市") == "云川市"  # an invented place no gazetteer knows


def test_the_province_roll_up_holds_a_city_whose_name_leaves_out_the_province(db):
    assert rollup_agencies(db, "广东省") == {"广州市教育局"}
    assert "云川市教育局" not in rollup_agencies(db, "青岚省")
    import_rows(
        db, [{ui_text.text("zh", "dir_col_printed_agency"): "云川市教育局", "region": "青岚省云川市"}]
    )
    assert rollup_agencies(db, "青岚省") == {"青岚省人民政府", "云川市教育局"}


def test_a_region_filter_holds_the_places_under_it(db):
    import_rows(db, [{"printed_agency": "云川市教育局", "region": "青岚省云川市"}])
    with queries.open_snapshot(db) as con:
        assert "青岚省" in queries.filter_options(con).values["region"]
        chosen = queries.run(
            con, "selected_reports", queries.Filters(2010, 2025, regions=("青岚省",)).params()
        )
    assert set(chosen["agency"]) == {"青岚省人民政府", "云川市教育局"}


def test_the_demo_directory_places_every_demo_agency_under_the_province():
    shipped = pd.read_csv(ROOT / "data" / "demo_directory.csv", encoding="utf-8-sig")
    regions = shipped[ui_text.text("zh", "dir_col_region")]
    assert len(shipped) == 44 and regions.str.startswith("青岚省").all()


def test_suggestions_pair_each_name_with_the_names_of_its_place_that_begin_right_after_it():
    entries = pd.DataFrame(
        [
            ("平潭县农业局", "平潭县农业局", "平潭县", "county", "农业局", 2010, 2018),
            ("平潭县教育局", "平潭县教育局", "平潭县", "county", "教育局", 2010, 2022),
            (
                "平潭县农业农村局",
                "平潭县农业农村局",
                "平潭县",
                "county",
                "农业农村局",
                2020,
                2023,
            ),  # a year missing
            (
                "平潭县农业农村局（旧）",
                "平潭县农业农村局（旧）",
                "平潭县",
                "county",
                "农业农村局",
                2022,
                2023,
            ),  # too late
            (
                "福清市农业农村局",
                "福清市农业农村局",
                "福清市",
                "county",
                "农业农村局",
                2019,
                2023,
            ),  # elsewhere
        ],
        columns=["printed_agency", "agency", "region", "level", "agency_type", "first_year", "last_year"],
    )
    suggested = directory.suggest_successors(entries)
    assert suggested.values.tolist() == [["平潭县农业局", "平潭县农业农村局", 2018, 2020]]
    assert directory.suggest_successors(entries.iloc[:0]).empty


def test_names_over_time_join_a_series_names_in_directory_order_and_leave_single_names_alone():
    entries = pd.DataFrame(
        {"agency": ["乙局", "甲局", "乙局", "丙局"], "printed_agency": ["乙局旧名", "甲局", "乙局", "丙局"]}
    )
    assert directory.names_over_time(entries).tolist() == [
        "乙局旧名 → 乙局",
        "甲局",
        "乙局旧名 → 乙局",
        "丙局",
    ]


def test_a_renamed_bureau_is_suggested_and_once_confirmed_is_one_agency_on_every_page(db):
    suggested = directory.suggest_successors(directory.load(db))
    assert suggested[["agency", "successor"]].values.tolist() == [["平潭县农业局", "平潭县农业农村局"]]
    directory.confirm_successor(db, "平潭县农业局", "平潭县农业农村局")
    rows = figures(
        db, "SELECT agency, printed_agency, year FROM report_figures WHERE region = '平潭县' ORDER BY year"
    )
    series = rows[rows["agency"] == "平潭县农业农村局"]
    assert series["year"].tolist() == [2016, 2017, 2019, 2021]
    assert set(series["printed_agency"]) == {"平潭县农业局", "平潭县农业农村局"}
    assert directory.suggest_successors(directory.load(db)).empty


def test_a_second_rename_keeps_the_names_in_one_series(db):
    directory.confirm_successor(db, "平潭县农业局", "平潭县农业农村局")
    import_rows(db, [{"printed_agency": "平潭县农业农村局", "agency": "平潭县农业农村和水利局"}])
    rows = figures(
        db, "SELECT DISTINCT agency FROM report_figures WHERE region = '平潭县' AND agency_type LIKE '农业%'"
    )
    assert rows["agency"].tolist() == ["平潭县农业农村和水利局"]


def test_the_exported_directory_edited_in_chinese_and_imported_changes_only_the_edited_rows(db):
    exported = directory.csv_frame(directory.load(db), "zh")
    level = ui_text.text("zh", "dir_col_level")
    name = ui_text.text("zh", "dir_col_printed_agency")
    edited = exported.copy()
    edited.loc[edited[name] == "平潭县公安局", level] = "市级部门"
    imported = directory.import_csv(db, edited)
    assert [e.agency for e in imported.entries if not e.is_empty] == ["平潭县公安局"]
    shown = directory.load(db).set_index("printed_agency")
    assert shown.loc["平潭县公安局", "level"] == "city_department"
    assert shown["edited"].sum() == 1


def test_a_directory_row_with_an_unknown_name_or_level_is_refused_not_stored(db):
    imported = import_rows(
        db,
        [
            {"printed_agency": "不存在的局", "region": "某省"},
            {"printed_agency": "平潭县公安局", "level": "部级"},
        ],
    )
    assert imported.unknown_agencies == ["不存在的局"] and imported.unknown_levels == ["部级"]
    assert not directory.load(db)["edited"].any()


def test_directory_entries_and_follow_up_statuses_are_kept_by_re_ingest_and_rebuild(db):
    import_rows(db, [{"printed_agency": "云川市教育局", "region": "青岚省云川市"}])
    with open_for_writing(db) as writer:
        writer.set_flag_status(fx.report_id(SPECS[1]), "identity:std_balance", "contacted")
    with open_for_writing(db) as writer:  # the same report written again, as a re-ingest does
        fx.save(writer, SPECS[1])
    rebuild(db, workers=1)
    assert directory.load(db).set_index("printed_agency").loc["云川市教育局", "region"] == "青岚省云川市"
    statuses = figures(db, "SELECT status FROM flag_statuses")
    assert statuses["status"].tolist() == ["contacted"]


def open_directory_page(db: Path, monkeypatch, lang: str = "zh"):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = ui_text.LANGUAGES[lang]  # the URL holds the language's name
    at.run()
    at.switch_page("pages/directory.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_directory_page_shows_every_name_with_its_level_in_words(db, monkeypatch, lang):
    at = open_directory_page(db, monkeypatch, lang)
    table = at.dataframe[0].value
    assert set(table["printed_agency"]) == {s.agency for s in SPECS}
    assert set(table["level"]) <= set(ui_text.CODES[lang]["level"].values())


def test_confirming_a_suggested_renaming_on_the_directory_page_makes_one_agency(db, monkeypatch):
    at = open_directory_page(db, monkeypatch)
    label = ui_text.text("zh", "dir_confirm", agency="平潭县农业局", successor="平潭县农业农村局")
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception
    table = at.dataframe[0].value.set_index("printed_agency")
    assert table.loc["平潭县农业局", "agency"] == "平潭县农业农村局"
    assert table.loc["平潭县农业局", "names"] == "平潭县农业局 → 平潭县农业农村局"
    assert not [b for b in at.button if b.label == label]


def test_the_coverage_map_shows_a_renamed_agency_as_one_row_with_its_earlier_name_on_hover(db, monkeypatch):
    directory.confirm_successor(db, "平潭县农业局", "平潭县农业农村局")
    with queries.open_snapshot(db) as con:
        coverage = queries.run(con, "coverage", queries.Filters(2016, 2021, regions=("平潭县",)).params())
    from metrics.dashboard import charts

    fig = charts.coverage_map(coverage, {s: s for s in charts.COVERAGE_STATES})
    rows = list(fig.data[0].y)
    assert rows.count("平潭县农业农村局") == 1 and "平潭县农业局" not in rows
    hover = fig.data[0].text[rows.index("平潭县农业农村局")]
    assert "平潭县农业局" in hover[0] and "平潭县农业局" not in hover[-1]


def test_the_directory_commands_export_import_suggest_and_join(db, tmp_path):
    from click.testing import CliRunner

    from metrics.cli import main

    run = CliRunner().invoke
    out = tmp_path / "directory.csv"
    assert run(main, ["directory", "export", "--db", str(db), str(out)]).exit_code == 0
    edited = pd.read_csv(out, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    edited.iloc[:, 1] = edited.iloc[:, 1].replace({"云川市": "青岚省云川市"})
    edited.to_csv(out, index=False, encoding="utf-8-sig")
    done = run(main, ["directory", "import", "--db", str(db), str(out)])
    assert done.exit_code == 0 and done.output.startswith("1 agencies placed"), done.output
    assert "平潭县农业局" in run(main, ["directory", "suggest", "--db", str(db)]).output
    assert (
        run(main, ["directory", "join", "--db", str(db), "平潭县农业局", "平潭县农业农村局"]).exit_code == 0
    )
    assert directory.suggest_successors(directory.load(db)).empty
    assert rollup_agencies(db, "青岚省") == {"青岚省人民政府", "云川市教育局"}


def test_a_renaming_confirmed_by_mistake_is_undone_on_the_directory_page_keeping_the_names_region(
    db, monkeypatch
):
    import_rows(db, [{"printed_agency": "平潭县农业局", "region": "福建省福州市平潭县"}])
    directory.confirm_successor(db, "平潭县农业局", "平潭县农业农村局")
    at = open_directory_page(db, monkeypatch)
    label = ui_text.text("zh", "dir_undo", agency="平潭县农业局", successor="平潭县农业农村局")
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception
    shown = directory.load(db).set_index("printed_agency").loc["平潭县农业局"]
    assert shown["agency"] == "平潭县农业局" and shown["region"] == "福建省福州市平潭县"


def test_confirming_a_renaming_keeps_the_region_entered_for_the_old_name(db):
    import_rows(db, [{"printed_agency": "平潭县农业局", "region": "福建省福州市平潭县"}])
    directory.confirm_successor(db, "平潭县农业局", "平潭县农业农村局")
    shown = directory.load(db).set_index("printed_agency").loc["平潭县农业局"]
    assert shown["agency"] == "平潭县农业农村局" and shown["region"] == "福建省福州市平潭县"
