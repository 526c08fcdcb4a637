"""`ogi check` finds what is wrong in a database; `ogi rebuild` reads every logged file again into a
new database that replaces the old one only when complete."""

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from metrics import PARSER_VERSION, rebuild
from metrics.cli import main
from metrics.ingest import ingest_paths
from metrics.store import open_for_writing

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = ("standard/pipe_rows_std2021.txt", "standard/std2019_grid.html", "legacy/table_2016.html")


@pytest.fixture
def db(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in REPORTS:
        shutil.copy(FIXTURES / name, folder / Path(name).name)
    path = tmp_path / "ogi.duckdb"
    ingest_paths([folder], path, workers=1)
    return path


def ogi(*args: str):
    return CliRunner().invoke(main, list(args))


def sql(db: Path, statement: str):
    with duckdb.connect(str(db)) as con:
        return con.execute(statement).fetchall()


def test_ogi_check_finds_nothing_wrong_in_a_database_built_by_ingest(db):
    assert sql(db, "SELECT count(*) FROM reports WHERE status = 'ok'") == [(3,)]
    result = ogi("check", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.output


def test_ogi_check_names_lost_facts_orphans_and_identity_flags_the_facts_no_longer_give(db):
    first, second, third = [r for (r,) in sql(db, "SELECT report_id FROM reports ORDER BY report_id")]
    sql(db, f"DELETE FROM facts WHERE report_id = '{first}'")
    sql(
        db,
        "INSERT INTO facts (report_id, metric_id, requester_column, value) VALUES ('gone', 'x', 'total', 1)",
    )
    sql(
        db, f"UPDATE facts SET value = value + 1 WHERE report_id = '{second}' AND metric_id = 'outcome_total'"
    )
    result = ogi("check", "--db", str(db))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("report without its facts") and first in line for line in lines)
    assert any(line.startswith("fact without its report") and "gone" in line for line in lines)
    assert any(line.startswith("identity flags differ from a re-run") and second in line for line in lines)
    assert not any(third in line for line in lines)


def test_ogi_check_names_a_stored_choice_of_a_report_that_is_gone(db):
    (report_id,) = sql(db, "SELECT report_id FROM reports LIMIT 1")[0]
    with open_for_writing(db) as writer:
        writer.choose_current(report_id)
    sql(db, f"DELETE FROM facts WHERE report_id = '{report_id}'")
    sql(db, f"DELETE FROM reports WHERE report_id = '{report_id}'")
    result = ogi("check", "--db", str(db))
    assert result.exit_code == 1
    assert "choice of a version not stored" in result.output
    assert "log entry without its report" in result.output


def test_ogi_rebuild_reads_every_file_again_and_keeps_what_files_no_longer_found_held(db):
    sql(db, "UPDATE reports SET parser_version = 'old'")
    sql(db, "UPDATE ingest_log SET parser_version = 'old'")
    gone = db.parent / "reports" / "table_2016.html"
    gone.unlink()
    (chosen,) = sql(db, "SELECT report_id FROM reports WHERE file_path LIKE '%std2019_grid.html'")[0]
    with open_for_writing(db) as writer:
        writer.choose_current(chosen)
    before = db.stat().st_ino
    result = ogi("rebuild", "--db", str(db), "--quiet", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "no longer found" in result.output and str(gone) in result.output
    assert db.stat().st_ino != before  # a new file swapped in
    versions = dict(sql(db, "SELECT file_path, parser_version FROM reports"))
    assert versions == {
        str(db.parent / "reports" / "pipe_rows_std2021.txt"): PARSER_VERSION,
        str(db.parent / "reports" / "std2019_grid.html"): PARSER_VERSION,
        str(gone): "old",
    }
    assert sql(db, "SELECT report_id FROM current_choices") == [(chosen,)]
    assert ogi("check", "--db", str(db)).exit_code == 0
    assert sorted(os.listdir(db.parent)) == ["ogi.duckdb", "ogi.duckdb.lock", "reports"]


def test_a_rebuild_that_fails_leaves_the_old_database_as_it_was(db, monkeypatch):
    before = db.stat()

    def fails(*args, **kwargs):
        raise RuntimeError("stopped half way")

    monkeypatch.setattr(rebuild, "ingest_into", fails)
    with pytest.raises(RuntimeError):
        rebuild.rebuild(db, workers=1)
    after = db.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(os.listdir(db.parent)) == ["ogi.duckdb", "ogi.duckdb.lock", "reports"]


def test_ogi_rebuild_does_not_follow_a_link_the_ingest_refused(tmp_path):
    folder, outside = tmp_path / "reports", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    shutil.copy(FIXTURES / REPORTS[0], outside / "secret.txt")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    db = tmp_path / "ogi.duckdb"
    ingest_paths([folder], db, workers=1)
    assert sql(db, "SELECT status FROM ingest_log") == [("unsupported",)]
    result = ogi("rebuild", "--db", str(db), "--quiet", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert sql(db, "SELECT count(*) FROM reports") == [(0,)]
    assert sql(db, "SELECT status FROM ingest_log") == [("unsupported",)]
