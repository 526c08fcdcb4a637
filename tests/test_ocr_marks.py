"""Figures read by OCR are marked as such: in the extraction (page and the engine's confidence), in the
store (also in a database written before the marks existed), on the report page and in downloads."""

from __future__ import annotations

import shutil

import dashboard_fixture as fx
import duckdb
import pytest
from click.testing import CliRunner
from test_app_pages import assert_clean, open_page, table_with, zh
from test_readers_ocr import image_only_pdf, needs_engine, needs_font

from metrics import exports, queries, ui_text
from metrics.cli import main
from metrics.dashboard import widgets
from metrics.extract.ocr_marks import mark_ocr_figures
from metrics.models import Document, Extraction, Fact, Metadata, OcrRead
from metrics.store import Attempt, open_for_writing

SCANNED_PAGE = OcrRead(
    page=2,
    text="[OCR: page 2, read from a scanned image; 0 low-confidence text boxes left out]\n规章 | 3 | 2 | 17",
    readings=[("规章", 0.99), ("3", 0.93), ("2", 0.97), ("17", 0.95), ("17", 0.88)],
)
TEXT_LAYER = "一、总体情况\n本年共收到申请45件。"


def document(*reads: OcrRead, text_layer: str = TEXT_LAYER) -> Document:
    text = "\n".join([text_layer, *(read.text for read in reads)]).strip()
    return Document(path="report.pdf", text=text, ocr=list(reads))


def test_a_figure_from_an_ocr_table_is_marked_with_its_page_and_the_engines_least_confidence():
    fact = Fact("rules_in_force", 17, evidence="page 2 (OCR), table 1, row 规章, column 对外公开总数量: 17")
    mark_ocr_figures([fact], document(SCANNED_PAGE))
    assert (fact.ocr, fact.ocr_page, fact.ocr_confidence) == (True, 2, 0.88)


def test_a_figure_quoting_an_ocrd_page_is_marked_and_one_from_the_text_layer_is_not():
    from_scan = Fact("rules_issued", 3, evidence="规章 | 3 | 2 | 17")
    from_text = Fact("requests_new", 45, evidence="本年共收到申请45件")
    mark_ocr_figures([from_scan, from_text], document(SCANNED_PAGE))
    assert (from_scan.ocr, from_scan.ocr_page, from_scan.ocr_confidence) == (True, 2, 0.93)
    assert (from_text.ocr, from_text.ocr_page, from_text.ocr_confidence) == (False, None, None)


def test_derived_figures_are_not_marked_as_read_by_ocr():
    derived = Fact("rules_total", 20, evidence="规章 | 3 | 2 | 17", derived=True)
    mark_ocr_figures([derived], document(SCANNED_PAGE, text_layer=""))
    assert not derived.ocr


def test_in_a_wholly_scanned_file_a_figure_its_evidence_does_not_place_lies_on_the_page_printing_it():
    first = OcrRead(page=1, text="[OCR: page 1]\n一、总体情况", readings=[("一、总体情况", 0.99)])
    fact = Fact("rules_in_force", 17, evidence="the 17 rules in force")
    mark_ocr_figures([fact], document(first, SCANNED_PAGE, text_layer=""))
    assert (fact.ocr, fact.ocr_page, fact.ocr_confidence) == (True, 2, 0.88)


# ---------------------------------------------------------------- the store

OCR_SPEC = fx.Spec("青岚省石桥县教育局", "青岚省石桥县", "county_department", "教育局", 2021, "std2021", 1)


def save_scanned_report(db) -> str:
    """An OCR'd report beside the fixture's: its section 三 total read from page 2 of a scan."""
    facts = [
        Fact("requests_new", 10, evidence="page 2 (OCR), table 1, row 本年新收, column 总计: 10"),
        Fact("requests_new", 6, "natural_person", evidence="page 2 (OCR), table 1: 6"),
        Fact("requests_new_natural_person", 6, evidence="本年新收 · 自然人", derived=True),
    ]
    facts[0].ocr, facts[0].ocr_page, facts[0].ocr_confidence = True, 2, 0.91
    facts[1].ocr, facts[1].ocr_page, facts[1].ocr_confidence = True, 2, 0.97
    meta = Metadata(agency=OCR_SPEC.agency, region=OCR_SPEC.region, level=OCR_SPEC.level, year=2021)
    extraction = Extraction(path=fx.file_path(OCR_SPEC), format="std2021", meta=meta, facts=facts)
    digest = fx.content_hash(OCR_SPEC)
    with open_for_writing(db) as writer:
        writer.write(
            [
                Attempt(
                    fx.file_path(OCR_SPEC),
                    digest,
                    "ok",
                    "3 figures",
                    extraction,
                    digest[:16],
                    "教育局",
                    "[OCR: page 1, read from a scanned image; 0 low-confidence text boxes left out]",
                    ocr_pages=2,
                )
            ]
        )
    return digest[:16]


@pytest.fixture
def scanned_db(fixture_db, tmp_path):
    db = tmp_path / "ogi.duckdb"
    shutil.copyfile(fixture_db, db)
    return db, save_scanned_report(db)


def report_page_rows(db, report_id: str):
    with queries.open_snapshot(db) as con:
        return (
            queries.run(con, "report_meta", {"report_id": report_id}),
            queries.run(con, "report_facts", {"report_id": report_id}),
        )


def without_ocr_columns(db) -> None:
    """The database as written before OCR marks were kept (and before the writer kept a cleaned layer)."""
    con = duckdb.connect(str(db))
    con.execute("DROP SCHEMA cleaned CASCADE")
    for table, column in (
        ("reports", "ocr_pages"),
        ("facts", "ocr"),
        ("facts", "ocr_page"),
        ("facts", "ocr_confidence"),
    ):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()


def test_ocr_marks_are_stored_per_report_and_per_figure(scanned_db):
    db, report_id = scanned_db
    meta, facts = report_page_rows(db, report_id)
    assert meta["ocr_pages"].tolist() == [2]
    marks = {
        (r.metric_id, r.requester_column): (r.ocr, r.ocr_page, r.ocr_confidence) for r in facts.itertuples()
    }
    assert marks[("requests_new", "total")] == (True, 2, 0.91)
    assert marks[("requests_new", "natural_person")] == (True, 2, 0.97)
    assert marks[("requests_new_natural_person", "total")][0] is False


def test_a_snapshot_of_a_database_written_before_ocr_marks_reads_them_as_unknown(fixture_db, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copyfile(fixture_db, db)
    without_ocr_columns(db)
    report_id = fx.report_id(fx.SPECS[0])
    meta, facts = report_page_rows(db, report_id)
    assert meta["ocr_pages"].isna().all()
    assert not facts.empty and facts["ocr"].isna().all() and facts["ocr_confidence"].isna().all()


def test_a_database_written_before_ocr_marks_gains_them_when_next_written(fixture_db, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copyfile(fixture_db, db)
    without_ocr_columns(db)
    report_id = save_scanned_report(db)
    meta, facts = report_page_rows(db, report_id)
    assert meta["ocr_pages"].tolist() == [2]
    assert facts["ocr"].sum() == 2
    old_meta, _ = report_page_rows(db, fx.report_id(fx.SPECS[0]))
    assert old_meta["ocr_pages"].isna().all()  # not known for what was stored before


def test_a_rebuild_keeps_the_reports_of_missing_files_from_a_database_without_ocr_marks(fixture_db, tmp_path):
    old = tmp_path / "old.duckdb"
    shutil.copyfile(fixture_db, old)
    without_ocr_columns(old)
    new = tmp_path / "new.duckdb"
    kept = fx.SPECS[0]
    with open_for_writing(new, fresh=True) as writer:
        writer.carry_over(old, [fx.file_path(kept)])
    meta, facts = report_page_rows(new, fx.report_id(kept))
    assert len(meta) == 1 and not facts.empty
    assert facts["ocr"].isna().all()


# ---------------------------------------------------------------- the report page and downloads


def test_the_report_page_marks_a_scanned_report_and_its_ocrd_figures(scanned_db, tmp_path, monkeypatch):
    db, report_id = scanned_db
    monkeypatch.setenv("OGI_DB", str(db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    at = open_page("pages/report.py", query={"report": report_id})
    assert_clean(at)
    assert [i.value for i in at.info if i.value == zh("report_ocr", pages=2)]
    section3 = table_with(at, "自然人", "总计")
    assert section3.loc[:, "总计"].iloc[0] == "10 OCR"
    assert section3.loc[:, "自然人"].iloc[0] == "6 OCR"
    assert zh("report_ocr_marks") in [c.value for c in at.caption]


def test_the_report_page_shows_no_ocr_mark_for_a_report_read_from_text(app_env):
    at = open_page("pages/report.py", query={"report": fx.report_id(fx.SPECS[4])})
    assert_clean(at)
    assert not [i for i in at.info if "OCR" in i.value]
    assert zh("report_ocr_marks") not in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_downloaded_rows_head_the_ocr_marks_in_the_interface_language(scanned_db, monkeypatch, lang):
    db, report_id = scanned_db
    monkeypatch.setattr(widgets, "t", lambda key, **values: ui_text.text(lang, key, **values))
    _, facts = report_page_rows(db, report_id)
    header = exports.to_csv_bytes(widgets.with_ocr_headers(facts)).decode("utf-8-sig").splitlines()[0]
    for key in ("col_ocr", "col_ocr_page", "col_ocr_confidence"):
        assert ui_text.text(lang, key) in header.split(",")


# ---------------------------------------------------------------- ingest of a scan


@needs_font
@needs_engine
def test_ingest_of_a_scanned_report_prints_the_pages_ocrd_and_stores_every_figure_marked(tmp_path):
    db = tmp_path / "ogi.duckdb"
    scan = image_only_pdf(tmp_path / "scan.pdf")
    done = CliRunner().invoke(main, ["ingest", str(scan), "--db", str(db), "--quiet"])
    assert "pages read by OCR: 1" in done.output
    with queries.open_snapshot(db) as con:
        report_id = con.execute("SELECT report_id FROM report_figures").fetchone()[0]
    meta, facts = report_page_rows(db, report_id)
    assert meta["ocr_pages"].tolist() == [1]
    read = facts[~facts["derived"]]
    assert len(read) == 6 and read["ocr"].all() and (read["ocr_page"] == 1).all()
    assert (read["ocr_confidence"] >= 0.8).all()
    status = CliRunner().invoke(main, ["status", "--db", str(db), "--json"])
    assert '"read_by_ocr": 1' in status.output
