"""OFD files (GB/T 33190): each page drawn again as a PDF page and read as one; the test OFDs are made
from PDFs as a PDF-to-OFD converter writes them (tests/ofd_writer.py), or written out by hand."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

import chromium
import pytest
from ofd_writer import NS, pdf_to_ofd
from test_extract_standard_filetypes import REPORTS, expected_cells, extracted, write_pdf
from test_readers_ocr import FIGURES, needs_engine, needs_font, png

from metrics import formats, ui_text
from metrics.dashboard import reasons
from metrics.extract import extract_file
from metrics.readers import ReadError, budgets, ofd, read_document


def ofd_file(path, pages: list[str], box: str = "0 0 210 297", media: dict[str, bytes] | None = None) -> str:
    """An OFD written by hand: each page's objects (its Layer's XML), and pictures by their ID."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "OFD.xml",
            f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot>'
            "</ofd:DocBody></ofd:OFD>",
        )
        listed = "".join(
            f'<ofd:Page ID="{n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
        )
        archive.writestr(
            "Doc_0/Document.xml",
            f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>{box}'
            "</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
            f"</ofd:CommonData><ofd:Pages>{listed}</ofd:Pages></ofd:Document>",
        )
        items = "".join(
            f'<ofd:MultiMedia ID="{key}" Type="Image"><ofd:MediaFile>{key}.png</ofd:MediaFile></ofd:MultiMedia>'
            for key in media or {}
        )
        archive.writestr(
            "Doc_0/DocumentRes.xml",
            f'<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias>{items}</ofd:MultiMedias></ofd:Res>',
        )
        for key, data in (media or {}).items():
            archive.writestr(f"Doc_0/Res/{key}.png", data)
        for n, layer in enumerate(pages):
            archive.writestr(
                f"Doc_0/Pages/Page_{n}/Content.xml",
                f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer ID="1">{layer}</ofd:Layer>'
                "</ofd:Content></ofd:Page>",
            )
    return str(path)


def text_object(x: float, y: float, text: str, size: float = 5.0, delta_x: str = "", ctm: str = "") -> str:
    """A TextObject in a box at (x, y) mm, its one TextCode's baseline `size` below the box's top."""
    ctm_attr = f' CTM="{ctm}"' if ctm else ""
    delta_attr = f' DeltaX="{delta_x}"' if delta_x else ""
    return (
        f'<ofd:TextObject ID="1" Boundary="{x} {y} 180 {size * 2}" Font="1" Size="{size}"{ctm_attr}>'
        f'<ofd:TextCode X="0" Y="{size}"{delta_attr}>{text}</ofd:TextCode></ofd:TextObject>'
    )


@pytest.mark.parametrize("fmt", [formats.STD2019, formats.STD2021])
@pytest.mark.parametrize(
    "per_char, scaled", [(False, False), (True, False), (False, True)], ids=["lines", "characters", "scaled"]
)
def test_every_figure_comes_out_of_an_ofd_made_from_the_reports_pdf(tmp_path, fmt, per_char, scaled):
    report = REPORTS[fmt]
    pdf = write_pdf(tmp_path / "report.pdf", report)
    ex, got = extracted(pdf_to_ofd(pdf, tmp_path / "report.ofd", per_char=per_char, scaled=scaled))
    assert (ex.format, ex.meta.title, ex.meta.agency, ex.meta.year) == (
        fmt,
        report.title,
        report.agency,
        report.year,
    )
    want = expected_cells(report)
    assert {key: got.get(key) for key in want} == want
    assert [f.code for f in ex.flags if f.severity != "info"] == []


def test_characters_stand_where_delta_x_and_the_ctm_put_them(tmp_path):
    title = "示例县2022年政府信息公开工作年度报告"
    # Each character's advance: 5 mm for a Chinese one, 2.5 mm for a digit, at a 5 mm font.
    advances = " ".join("2.5" if c.isdigit() else "5" for c in title[:-1])
    spaced = text_object(20, 20, title, delta_x=advances)
    # Drawn at half size, then scaled by 2: the same place and size on the page.
    scaled = text_object(20, 40, "规章 3件", size=2.5, delta_x="2.5 2.5 1.25 1.25", ctm="2 0 0 2 0 0")
    plain = text_object(20, 60, "主动公开政府信息12条")  # no DeltaX: each character its font's width
    ligature = text_object(20, 80, "\ufb01le", delta_x="2.5 2.5 2.5")  # ﬁ, one glyph for two letters
    doc = read_document(ofd_file(tmp_path / "report.ofd", [spaced + scaled + plain + ligature]))
    lines = doc.text.splitlines()
    assert title in lines and "主动公开政府信息12条" in lines and "file" in lines
    assert any(line.replace(" ", "") == "规章3件" for line in lines)


def test_delta_x_repeats_a_spacing_where_it_says_g():
    assert ofd._deltas("g 3 2.5 1 g 2 0.5") == [2.5, 2.5, 2.5, 1.0, 0.5, 0.5]
    assert ofd._deltas("") == [] and ofd._deltas("x 1") == [0.0, 1.0]


def test_a_location_in_the_archive_never_leads_above_its_root():
    root = PurePosixPath()
    assert ofd._resolve(PurePosixPath("Doc_0"), "Pages/Page_0/Content.xml") == PurePosixPath(
        "Doc_0/Pages/Page_0/Content.xml"
    )
    assert ofd._resolve(PurePosixPath("Doc_0"), "/Doc_0/Res/a.png") == PurePosixPath("Doc_0/Res/a.png")
    assert ofd._resolve(PurePosixPath("Doc_0"), "../../../etc/passwd") == PurePosixPath("etc/passwd")
    assert ofd._resolve(root, "..\\..\\OFD.xml") == PurePosixPath("OFD.xml")


def damaged(tmp_path, content: bytes) -> str:
    path = tmp_path / "report.ofd"
    path.write_bytes(content)
    with pytest.raises(ReadError) as raised:
        read_document(path)
    return str(raised.value)


def test_a_damaged_or_incomplete_ofd_is_a_read_error_said_in_words(tmp_path):
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody/></ofd:OFD>')
    reasons_found = [
        damaged(tmp_path, b"not an archive at all"),
        damaged(tmp_path, good.getvalue()),
        damaged(tmp_path, good.getvalue()[:-30]),
    ]
    for reason in reasons_found:
        assert "OFD file" in reason
        for lang in ("en", "zh"):
            assert reasons.in_words("failed", reason, lang) == ui_text.text(lang, "reason_ofd_damaged")


def test_an_ofd_whose_page_is_missing_or_whose_xml_is_broken_is_a_read_error(tmp_path):
    path = ofd_file(tmp_path / "report.ofd", [text_object(20, 20, "示例")])
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    for name, content in (("Doc_0/Pages/Page_0/Content.xml", None), ("Doc_0/Document.xml", b"<ofd:Doc")):
        changed = {k: v for k, v in members.items() if k != name}
        if content is not None:
            changed[name] = content
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for key, value in changed.items():
                archive.writestr(key, value)
        assert "OFD file" in damaged(tmp_path, buffer.getvalue())


def test_an_ofd_that_unpacks_beyond_the_budget_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "UNPACKED_BYTES", 1000)
    path = ofd_file(tmp_path / "report.ofd", [text_object(20, 20, "示例" * 400)])
    with pytest.raises(ReadError, match="unpacks to"):
        read_document(path)


@needs_font
@needs_engine
def test_a_scanned_ofd_of_pictures_alone_is_read_by_ocr(tmp_path):
    picture = png(tmp_path / "page.png").read_bytes()
    layer = '<ofd:ImageObject ID="2" Boundary="0 0 210 157.5" CTM="210 0 0 157.5 0 0" ResourceID="7"/>'
    path = ofd_file(tmp_path / "report.ofd", [layer], media={"7": picture})
    extraction = extract_file(path)
    assert {m: extraction.totals().get(m) for m in FIGURES} == FIGURES
    assert all(f.ocr for f in extraction.facts if f.metric_id in FIGURES)


def test_an_ofd_of_more_pages_than_the_budget_is_refused_said_in_words(tmp_path, monkeypatch):
    monkeypatch.setattr(budgets, "PDF_PAGES", 2)
    path = ofd_file(tmp_path / "report.ofd", [text_object(20, 20, "示例")] * 3)
    with pytest.raises(ReadError, match="more than the 2 pages") as raised:
        read_document(path)
    for lang in ("en", "zh"):
        said = reasons.in_words("failed", str(raised.value), lang)
        assert said == ui_text.text(lang, "reason_too_many_pages")
    pdf_reason = "the PDF has 1,200 pages, more than the 1,000 we read"
    assert reasons.in_words("failed", pdf_reason, "en") == ui_text.text("en", "reason_too_many_pages")


def test_the_development_html_reports_written_as_ofd_give_every_figure_their_pdf_gives(tmp_path):
    """Chromium's print of each development HTML report, then that PDF written as an OFD."""
    import conversion_zoo as zoo

    sources = zoo.dev_sources()
    if not sources:
        pytest.skip(f"the development corpus is not at {zoo.DEV}")
    chromium.require()
    for source in sources:
        out = tmp_path / source.stem
        out.mkdir()
        pdf = zoo.chromium_pdf(source, out)
        from_pdf = extract_file(str(pdf)).totals()
        from_ofd = extract_file(str(pdf_to_ofd(pdf, out / "report.ofd"))).totals()
        assert from_pdf and from_ofd == from_pdf, source.name


def _archive(method: int = zipfile.ZIP_DEFLATED) -> bytearray:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}">' + "<ofd:DocBody/>" * 40 + "</ofd:OFD>")
    return bytearray(buffer.getvalue())


def _part_garbled(method: int) -> bytes:
    data = _archive(method)
    start = data.find(b"OFD.xml") + len("OFD.xml")
    for n in range(start + 4, start + 40):
        data[n] ^= 0x5A
    return bytes(data)


def _unknown_method() -> bytes:
    data = _archive()
    for signature, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        header = data.find(signature)
        data[header + at : header + at + 2] = (99).to_bytes(2, "little")
    return bytes(data)


def _directory_before_the_start() -> bytes:
    data = _archive()
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16 : end + 20], "little")
    data[end + 16 : end + 20] = (offset + 100).to_bytes(4, "little")
    return bytes(data)


def _checksum_wrong() -> bytes:
    data = _archive()
    entry = data.find(b"PK\x01\x02")
    data[entry + 16 : entry + 20] = bytes(4)
    return bytes(data)


@pytest.mark.parametrize(
    "content",
    [
        _part_garbled(zipfile.ZIP_DEFLATED),
        _part_garbled(zipfile.ZIP_LZMA),
        _part_garbled(zipfile.ZIP_BZIP2),
        _unknown_method(),
        _directory_before_the_start(),
        _checksum_wrong(),
    ],
    ids=["deflate part", "lzma part", "bzip2 part", "unknown compression", "negative offset", "checksum"],
)
def test_each_way_an_ofd_archive_is_damaged_is_a_read_error_said_in_words(tmp_path, content):
    reason = damaged(tmp_path, content)
    assert reasons.in_words("failed", reason, "en") == ui_text.text("en", "reason_ofd_damaged")
