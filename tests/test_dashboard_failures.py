"""What goes wrong around the dashboard is said in words and costs no more than it must: a damaged
database is named once, a file name too long for the disk does not fail its upload batch."""

import shutil
from pathlib import Path

import duckdb
import pytest
from test_app_pages import assert_clean, open_page, zh

from metrics.dashboard import escape, uploads
from metrics.dashboard.registry import PAGES

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
LONG_NAME = "北京市海淀区人民政府关于印发" + "政府信息公开工作年度报告" * 7 + "的通知（修订稿）.txt"


@pytest.fixture(scope="module")
def damaged_db(fixture_db, tmp_path_factory):
    """The fixture database with every block after the header overwritten in part: checksums fail."""
    data = bytearray(fixture_db.read_bytes())
    for block in range(8192, len(data) - 512, 4096):
        data[block + 100 : block + 400] = b"\xa5" * 300
    path = tmp_path_factory.mktemp("damaged") / "ogi.duckdb"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("page", PAGES, ids=[p.key for p in PAGES])
def test_a_damaged_database_is_named_once_on_every_page_without_a_traceback(damaged_db, monkeypatch, page):
    monkeypatch.setenv("OGI_DB", str(damaged_db))
    at = open_page(page.path)
    assert not at.exception
    assert len(at.error) == 1, [e.value for e in at.error]
    unreadable = zh("error_db_unreadable", path=escape.markdown(damaged_db), detail="")
    assert at.error[0].value.startswith(unreadable.split("（")[0])
    assert not at.info, "no page goes on to say there is no database"


def test_long_upload_names_are_cut_to_fit_any_file_system_keeping_their_suffix():
    assert len(LONG_NAME) > 80
    name = uploads.safe_name(LONG_NAME)
    assert len(name.encode()) <= uploads.MAX_NAME_BYTES and name.endswith(".txt")
    assert LONG_NAME.startswith(name.removesuffix(".txt"))


def test_a_chinese_file_name_of_80_characters_uploads_with_the_rest_of_its_batch(
    fixture_db, tmp_path, monkeypatch
):
    db = tmp_path / "ogi.duckdb"
    shutil.copyfile(fixture_db, db)
    monkeypatch.setenv("OGI_DB", str(db))
    monkeypatch.setenv("OGI_UPLOADS", str(tmp_path / "uploads"))
    good = (FIXTURES / "std2021_good.txt").read_bytes()
    files = [
        (LONG_NAME, good, "text/plain"),
        ("short.html", (FIXTURES / "not_a_report.html").read_bytes(), ""),
    ]

    at = open_page("pages/upload.py")
    at.file_uploader(key="upload_files").set_value(files)
    at.button[0].click().run()
    assert_clean(at)
    assert at.success
    with duckdb.connect(str(db), read_only=True) as con:
        logged = dict(
            con.execute(
                "SELECT file_path, status FROM ingest_log WHERE file_path LIKE ?", [f"{tmp_path}%"]
            ).fetchall()
        )
    assert sorted(logged.values()) == ["ok", "unsupported"]
