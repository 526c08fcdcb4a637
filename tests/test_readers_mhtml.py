"""Web pages saved as one file (MHTML): found by their content under any name, read as the page."""

from __future__ import annotations

from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from metrics import ui_text
from metrics.dashboard import reasons
from metrics.normalize import to_traditional
from metrics.readers import ReadError, read_document

PAGE = (
    "<html><head><title>示例县2022年政府信息公开工作年度报告</title></head><body>"
    "<p>示例县2022年政府信息公开工作年度报告</p>"
    "<table><tr><td><p><span>行政许可</span></p></td><td><p>12</p></td></tr></table></body></html>"
)


def saved(*parts) -> bytes:
    message = MIMEMultipart("related")
    for part in parts:
        message.attach(part)
    return message.as_bytes()


@pytest.mark.parametrize("name", ["report.mht", "report.mhtml", "report.doc", "report.txt", "page.html"])
def test_a_page_saved_as_one_file_reads_as_the_page_itself_under_any_name(tmp_path, name):
    (tmp_path / "page.htm").write_text(PAGE, encoding="utf-8")
    plain = read_document(tmp_path / "page.htm")
    path = tmp_path / name
    path.write_bytes(
        saved(MIMEText(PAGE, "html", "utf-8"), MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png"))
    )
    doc = read_document(path)
    assert (doc.text, [t.rows for t in doc.tables]) == (plain.text, [t.rows for t in plain.tables])
    assert doc.tables[0].rows == [["行政许可", "12"]]


def test_the_saved_parts_charset_decodes_a_page_that_declares_none(tmp_path):
    traditional = to_traditional(PAGE)
    part = MIMEText("", "html", "big5")
    part.set_payload(traditional.encode("big5"))
    part.replace_header("Content-Transfer-Encoding", "8bit")
    path = tmp_path / "report.mht"
    path.write_bytes(saved(part))
    assert to_traditional("示例县2022年政府信息公开工作年度报告") in read_document(path).text


def test_a_saved_page_without_html_is_a_read_error_said_in_words(tmp_path):
    path = tmp_path / "report.mht"
    path.write_bytes(saved(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(32), "png")))
    with pytest.raises(ReadError, match="holds no HTML") as raised:
        read_document(path)
    said = reasons.in_words("failed", str(raised.value), "en")
    assert said == ui_text.text("en", "reason_page_without_html") and ".mht" in said


def test_a_page_or_text_that_mentions_a_content_type_is_not_taken_for_a_saved_page(tmp_path):
    page = PAGE.replace("<body>", "<body><p>Content-Type: multipart/related</p>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert "Content-Type: multipart/related" in read_document(tmp_path / "page.html").text
    text = "标题:示例县2022年政府信息公开工作年度报告\nContent-Type: text/html\n主动公开政府信息12条。\n"
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    assert "Content-Type: text/html" in read_document(tmp_path / "report.txt").text
