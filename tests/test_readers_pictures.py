"""Reports whose statistics are pictures: an HTML page showing a picture of its table from a file beside
it, a page saved as one file (MHTML) with the picture inside, and a Word document with the picture
inside, are read by OCR when their text holds no statistics; nothing is fetched from the network or
read from outside the page's folder."""

from __future__ import annotations

import shutil
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import chromium
import docx
import pytest
from PIL import Image
from test_readers_ocr import FIGURES, HEADINGS, TITLE, needs_engine, needs_font, png

from metrics.extract import extract_file
from metrics.readers import budgets, ocr, read_document

PROSE = "".join(f"<p>{line}</p>" for line in [TITLE, *HEADINGS])


def html_report(folder, body: str) -> str:
    path = folder / "report.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return str(path)


def picture_file(path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("L", (400, 300), 255).save(path)
    return path.read_bytes()


@pytest.fixture
def pictures_read(monkeypatch) -> list[bytes]:
    """The pictures handed to OCR, with the engine stood in for: what a reader chose to read."""
    handed: list[bytes] = []
    monkeypatch.setattr(ocr, "engine_installed", lambda: True)
    monkeypatch.setattr(ocr, "read_embedded_pictures", lambda pictures: handed.extend(pictures) or {})
    return handed


@needs_font
@needs_engine
def test_a_picture_of_the_table_beside_an_html_report_is_read_and_its_figures_marked_ocr(tmp_path):
    (tmp_path / "report_files").mkdir()
    png(tmp_path / "report_files" / "table.png")
    path = html_report(tmp_path, PROSE + '<p><img src="report_files/table.png"></p>')
    doc = read_document(path)
    assert "[OCR: picture 1, read from a scanned image" in doc.text
    assert doc.tables[0].where == "picture 1 (OCR), table 1"
    extraction = extract_file(path)
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    read = [f for f in extraction.facts if f.metric_id in FIGURES]
    assert all(f.ocr and f.ocr_page == 1 and f.ocr_confidence >= 0.8 for f in read)


@needs_font
@needs_engine
def test_a_picture_of_the_table_inside_a_word_report_is_read(tmp_path):
    document = docx.Document()
    for line in [TITLE, *HEADINGS]:
        document.add_paragraph(line)
    document.add_picture(str(png(tmp_path / "table.png")))
    document.save(tmp_path / "report.docx")
    extraction = extract_file(str(tmp_path / "report.docx"))
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert all(f.ocr for f in extraction.facts if f.metric_id in FIGURES)


def test_only_pictures_in_the_pages_folder_are_read_never_an_address_or_a_file_elsewhere(
    tmp_path, pictures_read
):
    inside = picture_file(tmp_path / "site" / "report_files" / "table.png")
    picture_file(tmp_path / "secret.png")
    sources = [
        "report_files/table.png",
        "report_files/table.png",  # shown twice, read once
        "../secret.png",
        str(tmp_path / "secret.png"),
        "http://example.invalid/table.png",
        "//example.invalid/table.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "report_files/%00.png",  # names no file can have
        "x" * 5000 + ".png",
    ]
    body = PROSE + "".join(f'<img src="{src}">' for src in sources)
    read_document(html_report(tmp_path / "site", body))
    assert pictures_read == [inside]


def test_pictures_are_left_unread_when_the_text_holds_a_table_of_figures(tmp_path, pictures_read):
    picture_file(tmp_path / "table.png")
    table = "<table><tr><td>规章</td><td>3</td></tr></table>"
    doc = read_document(html_report(tmp_path, PROSE + table + '<img src="table.png">'))
    assert pictures_read == [] and doc.ocr == []


def test_no_more_pictures_than_the_budget_are_read(tmp_path, pictures_read, monkeypatch):
    monkeypatch.setattr(budgets, "PICTURES", 2)
    for n in range(3):
        picture_file(tmp_path / f"{n}.png")
    read_document(html_report(tmp_path, PROSE + "".join(f'<img src="{n}.png">' for n in range(3))))
    assert len(pictures_read) == 2


def test_without_the_ocr_engine_a_report_of_pictures_is_read_from_its_text_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "engine_installed", lambda: False)
    picture_file(tmp_path / "table.png")
    doc = read_document(html_report(tmp_path, PROSE + '<img src="table.png">'))
    assert doc.ocr == [] and TITLE in doc.text and "[OCR" not in doc.text


def test_a_picture_too_small_to_hold_a_table_or_not_a_picture_is_passed_over(tmp_path):
    icon = tmp_path / "icon.png"
    Image.new("L", (32, 32), 255).save(icon)
    assert ocr.read_embedded_pictures([icon.read_bytes(), b"not a picture"]) == {}


def saved_page(path, body: str, pictures: dict[str, bytes], page_location: str = "") -> str:
    """A page saved as one file: its HTML part (at `page_location`, where given) and a part for each
    picture, under its Content-Location, or its Content-ID where the name is <…>."""
    message = MIMEMultipart("related", type="text/html")
    page = MIMEText(f"<html><body>{body}</body></html>", "html", "utf-8")
    if page_location:
        page["Content-Location"] = page_location
    message.attach(page)
    for name, data in pictures.items():
        part = MIMEImage(data, "png")
        part["Content-ID" if name.startswith("<") else "Content-Location"] = name
        message.attach(part)
    path.write_bytes(message.as_bytes())
    return str(path)


def test_a_saved_pages_pictures_are_read_from_its_parts_in_page_order_never_from_beside_it(
    tmp_path, pictures_read
):
    word, browser, by_id, escaped, unshown = (picture_file(tmp_path / "made" / f"{n}.png") for n in range(5))
    beside = picture_file(tmp_path / "report.files" / "image001.png")
    assert beside == word  # the same picture beside the file: only its part may be read
    sources = [
        "report.files/image001.png",  # Word: a path relative to the page's own
        "report.files/image001.png",  # shown twice, read once
        "http://example.invalid/table.png",  # a browser: the picture's address whole
        "cid:table@saved",
        "report.files/表.png",  # escaped in the part's name alone
        "report.files/image009.png",  # a picture the file does not hold
    ]
    path = saved_page(
        tmp_path / "report.mht",
        PROSE + "".join(f'<img src="{src}">' for src in sources),
        {
            "file:///C:/report.files/image001.png": word,
            "http://example.invalid/table.png": browser,
            "<table@saved>": by_id,
            "file:///C:/report.files/%E8%A1%A8.png": escaped,
            "file:///C:/report.files/unshown.png": unshown,
        },
        page_location="file:///C:/report.htm",
    )
    read_document(path)
    assert pictures_read == [word, browser, by_id, escaped]


@needs_font
@needs_engine
def test_a_picture_of_the_table_inside_a_word_single_file_page_is_read(tmp_path):
    table = png(tmp_path / "table.png").read_bytes()
    path = saved_page(
        tmp_path / "report.mht",
        PROSE + '<p><img src="report.files/image001.png"></p>',
        {"file:///C:/report.files/image001.png": table},
        page_location="file:///C:/report.htm",
    )
    extraction = extract_file(path)
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert all(f.ocr for f in extraction.facts if f.metric_id in FIGURES)


@needs_font
@needs_engine
def test_a_picture_of_the_table_in_a_page_chromium_saved_as_one_file_is_read(tmp_path):
    site = tmp_path / "site"
    (site / "report_files").mkdir(parents=True)
    png(site / "report_files" / "table.png")
    html_report(site, PROSE + '<p><img src="report_files/table.png"></p>')
    path = tmp_path / "report.mhtml"
    chromium.save_single_file(site / "report.html", path)
    shutil.rmtree(site)  # the picture is read from the saved file alone
    extraction = extract_file(str(path))
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert all(f.ocr for f in extraction.facts if f.metric_id in FIGURES)
