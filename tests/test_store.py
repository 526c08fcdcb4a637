import pickle
import threading

import duckdb
import pytest

from metrics.models import Extraction, Fact, Flag, Metadata
from metrics.store import Attempt, Writer, connect_readonly, db_version, open_for_writing


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


def _facts_written(db, attempt) -> list[tuple]:
    with open_for_writing(db) as w:
        assert w.write([attempt]) == []
    with connect_readonly(db) as con:
        return con.execute("SELECT * FROM facts ORDER BY metric_id, requester_column").fetchall()


def _attempt_with_every_kind_of_fact() -> Attempt:
    ex = _extraction("石桥县人民政府", 2021)
    ex.facts = [
        Fact("requests_new", 5, evidence="新收 5 件"),
        Fact("granted", None, "natural", "—", note="a dash: not applicable"),
        Fact("refused_state_secret", 2.5, "legal_other", "约2.5", approximate=True),
        Fact("outcome_total", 7, derived=True, ocr=True, ocr_page=3, ocr_confidence=0.93),
    ]
    return Attempt("/r/a.txt", "a" * 64, "ok", "fine", ex, "a" * 16, "人民政府", "body", "utf-8")


def test_an_attempt_packed_in_a_worker_is_stored_with_the_same_facts_as_its_extraction(tmp_path):
    as_read = _facts_written(tmp_path / "a.duckdb", _attempt_with_every_kind_of_fact())
    packed = pickle.loads(pickle.dumps(_attempt_with_every_kind_of_fact().packed()))  # as a worker sends it
    assert packed.fact_rows and packed.extraction.facts == []
    assert _facts_written(tmp_path / "b.duckdb", packed) == as_read
    assert {row[1] for row in as_read} == {"requests_new", "granted", "refused_state_secret", "outcome_total"}


def test_a_fact_arrow_refuses_is_left_to_the_writer_which_refuses_only_its_file(tmp_path):
    bad = _attempt_with_every_kind_of_fact()
    bad.extraction.facts[0].value = "five"  # no number: Arrow refuses it
    assert bad.packed().fact_rows is None and len(bad.extraction.facts) == 4
    good = _attempt_with_every_kind_of_fact()
    good.file_path, good.report_id = "/r/b.txt", "b" * 16
    good.packed()
    with open_for_writing(tmp_path / "t.duckdb") as w:
        refused = w.write([bad, good])
    assert [(a.file_path, reason.split(":")[0]) for a, reason in refused] == [("/r/a.txt", "ArrowInvalid")]
    with connect_readonly(tmp_path / "t.duckdb") as con:
        assert con.execute("SELECT DISTINCT report_id FROM facts").fetchall() == [("b" * 16,)]


def test_the_database_works_on_one_thread_inside_on_one_thread_and_on_its_default_after(tmp_path):
    with open_for_writing(tmp_path / "t.duckdb") as w:
        threads = "SELECT current_setting('threads')"
        default = w.con.execute(threads).fetchone()[0]
        with w.on_one_thread():
            assert w.con.execute(threads).fetchone()[0] == 1
        assert w.con.execute(threads).fetchone()[0] == default


def test_an_error_inside_on_one_thread_is_raised_even_where_the_failed_database_refuses_the_reset():
    con = duckdb.connect()
    writer = Writer(con)
    with pytest.raises(OSError, match="No space left"), writer.on_one_thread():
        con.close()  # the database gone with the disk
        raise OSError("No space left on device")


def test_report_texts_are_stored_compressed_and_read_back_whole(tmp_path):
    db = tmp_path / "t.duckdb"
    text = "云川市石桥县人民政府2021年政府信息公开工作年度报告。本年度主动公开政府信息120条。" * 40
    with open_for_writing(db) as w:
        for n in range(3):
            w.save_report(
                f"/r/{n}.txt",
                f"{n}" * 64,
                f"{n}" * 16,
                "ok",
                "fine",
                _extraction("石桥县人民政府", 2021 - n),
                "人民政府",
                f"{text}{n}",
                "utf-8",
            )
    con = duckdb.connect(str(db), read_only=True)
    try:
        kinds = {
            row[0]
            for row in con.execute(
                "SELECT compression FROM pragma_storage_info('reports') WHERE column_name = 'body_text'"
                " AND segment_type = 'VARCHAR'"
            ).fetchall()
        }
        texts = sorted(row[0] for row in con.execute("SELECT body_text FROM reports").fetchall())
    finally:
        con.close()
    assert kinds == {"ZSTD"}
    assert texts == [f"{text}{n}" for n in range(3)]
