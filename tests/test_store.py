import threading

import duckdb
import pytest

from metrics.models import Extraction, Fact, Flag, Metadata
from metrics.store import connect_readonly, db_version, open_for_writing


def _extraction(agency: str, year: int, **values: float) -> Extraction:
    return Extraction(
        path=f"{agency}{year}.txt",
        format="std2021",
        meta=Metadata(title=f"{agency}{year}年报告", agency=agency, year=year),
        facts=[Fact(m, v, evidence=f"{m}: {v}") for m, v in values.items()],
        flags=[Flag("identity:std_balance", "does not add up")],
    )


def _save(writer, path: str, digest: str, ex: Extraction) -> None:
    writer.save_report(path, digest, digest[:16], "ok", "fine", ex, "人民政府", "body", "utf-8")


def test_saved_report_facts_flags_and_log_are_readable(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2021, requests_new=5))
    with connect_readonly(db) as con:
        assert con.execute("SELECT agency, year FROM reports").fetchall() == [("石桥县人民政府", 2021)]
        assert con.execute("SELECT metric_id, value, evidence FROM facts").fetchall() == [
            ("requests_new", 5.0, "requests_new: 5")
        ]
        assert con.execute("SELECT code, scope FROM flags").fetchall() == [("identity:std_balance", "report")]
        assert con.execute("SELECT file_path, status FROM ingest_log").fetchall() == [("/r/a.txt", "ok")]


def test_changed_file_replaces_its_earlier_report(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2021, requests_new=5))
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "b" * 64, _extraction("石桥县人民政府", 2021, requests_new=6))
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
        assert con.execute("SELECT value FROM facts").fetchall() == [(6.0,)]


def test_failed_attempt_keeps_the_earlier_good_report(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2021, requests_new=5))
        w.record_attempt("/r/a.txt", "c" * 64, "failed", "could not be read: damaged")
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone() == (1,)
        assert con.execute("SELECT status, reason FROM ingest_log").fetchone() == (
            "failed",
            "could not be read: damaged",
        )


def test_reader_keeps_old_snapshot_while_a_write_is_in_progress(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2020, requests_new=1))
    before = db_version(db)
    with open_for_writing(db) as w:
        _save(w, "/r/b.txt", "b" * 64, _extraction("石桥县人民政府", 2021, requests_new=2))
        # A reader during the write opens the published snapshot without a lock error.
        with connect_readonly(db) as con:
            assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (2,)
    assert db_version(db) != before


def test_writer_that_fails_leaves_the_database_untouched(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2020, requests_new=1))
    with pytest.raises(RuntimeError), open_for_writing(db) as w:
        _save(w, "/r/b.txt", "b" * 64, _extraction("石桥县人民政府", 2021, requests_new=2))
        raise RuntimeError("crash mid-ingest")
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    assert not list(tmp_path.glob(".*writing"))


def test_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    db = tmp_path / "t.duckdb"
    errors: list[Exception] = []

    def write(name: str, year: int) -> None:
        try:
            with open_for_writing(db) as w:
                _save(w, f"/r/{name}.txt", name * 64, _extraction("石桥县人民政府", year, requests_new=year))
        except (duckdb.Error, OSError) as e:
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n, y)) for n, y in (("a", 2020), ("b", 2021))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (2,)


def test_cross_year_flags_compare_carried_over_with_last_years_carried_forward(tmp_path):
    db = tmp_path / "t.duckdb"
    with open_for_writing(db) as w:
        _save(w, "/r/a.txt", "a" * 64, _extraction("石桥县人民政府", 2020, requests_carried_forward=4))
        _save(w, "/r/b.txt", "b" * 64, _extraction("石桥县人民政府", 2021, requests_carried_over=3))
        w.refresh_cross_year_flags()
    with connect_readonly(db) as con:
        rows = con.execute("SELECT code, message FROM flags WHERE scope = 'across_years'").fetchall()
    assert rows == [("across_years:carried_over", "上年结转 3 与 2020 年报告的结转下年度继续办理 4 不一致")]
