"""Stored file names reach the dashboard decoded: a GBK name shows its characters, not \\xNN escapes."""

import os
from pathlib import Path

import dashboard_fixture as fx
from streamlit.testing.v1 import AppTest

from metrics.file_names import for_storage
from metrics.store import open_for_writing

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_report_detail_shows_a_gbk_file_name_as_its_characters(tmp_path, monkeypatch):
    spec = fx.SPECS[0]
    gbk_path = os.fsdecode(b"/corpus/" + "海淀区年报".encode("gbk") + b".html")
    stored = for_storage(gbk_path)
    assert "\\x" in stored
    db = tmp_path / "ogi.duckdb"
    with open_for_writing(db) as writer:
        ex = fx.extraction(spec)
        ex.path = stored
        writer.save_report(stored, fx.content_hash(spec), fx.report_id(spec), "ok", "", ex, "", "", "gbk")
    monkeypatch.setenv("OGI_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["report"] = fx.report_id(spec)
    at.run()
    at.switch_page("pages/report.py").run()
    assert not at.exception
    metadata = {v for d in at.dataframe if "value" in d.value.columns for v in d.value["value"]}
    assert "海淀区年报.html" in metadata  # the name alone: the page shows no server folders
    assert not any("\\x" in v for v in metadata if isinstance(v, str))
    version_choices = at.selectbox[1].options
    assert any("海淀区年报.html" in c for c in version_choices), version_choices
