"""Ingest end to end on bad and good input: every file logged with a reason, nothing else lost."""

import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from metrics.cli import main
from metrics.ingest import ingest_paths

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _log(db: Path) -> dict[str, tuple[str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT file_path, status, reason FROM ingest_log").fetchall()
    return {Path(p).name: (s, r) for p, s, r in rows}


def _total(db: Path, metric: str) -> list[float]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [
            v
            for (v,) in con.execute(
                "SELECT value FROM facts WHERE metric_id = ? AND requester_column = 'total' ORDER BY value",
                [metric],
            ).fetchall()
        ]


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURES / "std2021_good.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(os.urandom(4096))
    (folder / "notes.xyz").write_text("something", encoding="utf-8")
    (folder / "truncated.html").write_text(
        "<html><body><p>石桥县人民政府2019年政府信息公开工作年度报告</p><table><tr><td>本年新收政府信息公开申请数量",
        encoding="utf-8",
    )
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (folder / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    shutil.copy(FIXTURES / "no_statistics.txt", folder / "no_statistics.txt")
    shutil.copy(FIXTURES / "not_a_report.html", folder / "not_a_report.html")
    return folder


def test_every_bad_file_is_logged_with_a_reason_and_the_good_one_is_stored(bad_folder, tmp_path):
    db = tmp_path / "ogi.duckdb"
    summary = ingest_paths([bad_folder], db, workers=2)
    log = _log(db)
    assert summary.files == 9 == len(log)
    assert log["good.txt"][0] == "ok"
    assert log["empty.txt"] == ("failed", "could not be read: the file is empty")
    assert log["random.txt"][0] == "failed" and "not text" in log["random.txt"][1]
    assert log["notes.xyz"][0] == "unsupported" and ".xyz" in log["notes.xyz"][1]
    assert log["corrupt.pdf"][0] == "failed" and "PDF" in log["corrupt.pdf"][1]
    assert log["huge.txt"][0] == "failed" and "MB" in log["huge.txt"][1]
    assert log["no_statistics.txt"][0] == "partial" and "no statistics" in log["no_statistics.txt"][1]
    assert log["not_a_report.html"][0] == "unsupported" and "annual report" in log["not_a_report.html"][1]
    assert log["truncated.html"][0] in ("ok", "partial")
    assert _total(db, "requests_new") == [12.0]


def test_gbk_file_gives_the_same_figures_as_utf8(tmp_path):
    db = tmp_path / "ogi.duckdb"
    ingest_paths([FIXTURES / "std2021_good.txt", FIXTURES / "std2021_good_gbk.txt"], db, workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""
            SELECT r.year, r.encoding, count(*) FROM reports r JOIN facts f USING (report_id)
            GROUP BY ALL ORDER BY r.year""").fetchall()
        pairs = con.execute("""
            SELECT count(*) FROM facts a JOIN facts b USING (metric_id, requester_column)
            WHERE a.report_id < b.report_id AND a.value IS DISTINCT FROM b.value""").fetchone()
    assert [(y, e) for y, e, _ in rows] == [(2021, "gb18030"), (2022, "utf-8")]
    assert rows[0][2] == rows[1][2] > 60
    assert pairs == (0,)


def test_reingesting_an_unchanged_file_changes_nothing(tmp_path):
    db = tmp_path / "ogi.duckdb"
    ingest_paths([FIXTURES / "std2021_good.txt"], db, workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT * FROM ingest_log").fetchall()
    summary = ingest_paths([FIXTURES / "std2021_good.txt"], db, workers=1)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT * FROM ingest_log").fetchall() == before
        assert con.execute("SELECT count(*) FROM reports").fetchone() == (1,)
    assert dict(summary.by_status) == {"unchanged": 1}


def test_same_content_under_another_name_is_a_duplicate(tmp_path):
    shutil.copy(FIXTURES / "std2021_good.txt", tmp_path / "a.txt")
    shutil.copy(FIXTURES / "std2021_good.txt", tmp_path / "b.txt")
    db = tmp_path / "ogi.duckdb"
    ingest_paths([tmp_path / "a.txt", tmp_path / "b.txt"], db, workers=1)
    log = _log(db)
    assert log["a.txt"][0] == "ok"
    assert log["b.txt"][0] == "duplicate" and "a.txt" in log["b.txt"][1]


def test_changed_file_replaces_its_old_figures(tmp_path):
    report = tmp_path / "r.txt"
    shutil.copy(FIXTURES / "std2021_good.txt", report)
    db = tmp_path / "ogi.duckdb"
    ingest_paths([report], db, workers=1)
    report.write_text(
        report.read_text(encoding="utf-8").replace("| 行政许可 | 1520 |", "| 行政许可 | 1600 |"),
        encoding="utf-8",
    )
    ingest_paths([report], db, workers=1)
    assert _total(db, "licensing_decisions") == [1600.0]


def test_cli_exit_status_is_1_when_a_file_failed_and_0_when_all_read(bad_folder, tmp_path):
    runner = CliRunner()
    failed = runner.invoke(main, ["ingest", str(bad_folder), "--db", str(tmp_path / "a.duckdb"), "--quiet"])
    assert failed.exit_code == 1
    assert "corrupt.pdf" in failed.output and "failed" in failed.output
    ok = runner.invoke(
        main, ["ingest", str(FIXTURES / "std2021_good.txt"), "--db", str(tmp_path / "b.duckdb"), "--quiet"]
    )
    assert ok.exit_code == 0, ok.output


def test_cli_usage_error_exits_2(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "missing-folder")])
    assert result.exit_code == 2


def test_cli_files_json_lists_every_attempt(bad_folder, tmp_path):
    db = str(tmp_path / "a.duckdb")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(bad_folder), "--db", db, "--quiet"])
    result = runner.invoke(main, ["files", "--db", db, "--status", "failed", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {Path(r["file"]).name for r in rows} == {"empty.txt", "random.txt", "corrupt.pdf", "huge.txt"}
    assert all(set(r) == {"file", "status", "reason", "report_id"} and r["reason"] for r in rows)


def test_cli_extract_json_prints_totals_by_metric_id():
    result = CliRunner().invoke(main, ["extract", str(FIXTURES / "std2021_good.txt"), "--json"])
    obj = json.loads(result.output)
    assert (obj["agency"], obj["year"], obj["format"]) == ("石桥县人民政府", 2022, "std2021")
    assert (obj["agency_source"], obj["year_source"]) == ("title", "title")
    m = obj["metrics"]
    assert (m["requests_new"], m["requests_new_natural_person"], m["requests_new_legal_person"]) == (
        12,
        10,
        2,
    )
    assert (m["outcome_denied"], m["outcome_unable"], m["outcome_not_processed"], m["outcome_total"]) == (
        1,
        3,
        1,
        12,
    )
    assert (m["review_total"], m["lit_direct_total"], m["litigation_total"]) == (2, 1, 1)
    assert m["fees_collected_10k_yuan"] == 12.5
    assert obj["flags"] == []


def test_cli_status_summarises_reports_and_flags(tmp_path):
    db = str(tmp_path / "a.duckdb")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(FIXTURES / "std2021_good.txt"), "--db", db, "--quiet"])
    result = runner.invoke(main, ["status", "--db", db, "--json"])
    status = json.loads(result.output)
    assert status["reports by year, format and status"] == [
        {
            "year": 2022,
            "format": "std2021",
            "status": "ok",
            "reports": 1,
            "other_versions": 0,
            "read_by_ocr": 0,
        }
    ]
