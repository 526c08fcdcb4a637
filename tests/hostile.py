"""Hostile files, small on disk and built on demand: each expands, hangs or misleads when read
naively. Shared by the tests and scripts/hostile_files.py."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "石桥县人民政府2021年政府信息公开工作年度报告"


def docx_bytes(body_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal Word document whose body is `body_xml`, plus any extra parts."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body_xml}'
            "</w:body></w:document>",
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def docx_huge_span(attribute: str = "gridSpan") -> bytes:
    """One table cell spread over a billion grid columns (gridSpan) or preceded by a billion (gridBefore)."""
    cell = "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
    if attribute == "gridSpan":
        row = f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p/></w:tc>{cell}</w:tr>'
    else:
        row = f'<w:tr><w:trPr><w:gridBefore w:val="1000000000"/></w:trPr>{cell}</w:tr>'
    return docx_bytes(f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p><w:tbl>{row}</w:tbl>")


def docx_zip_bomb(megabytes: int = 300) -> bytes:
    """A Word document whose body part is padded with spaces that deflate ~1000:1 (300 MB in ~300 KB)."""
    spaces = b" " * (1 << 20)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(
                f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
                f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p></w:body>".encode()
            )
            for _ in range(megabytes):
                part.write(spaces)
            part.write(b"</w:document>")
    return out.getvalue()


def html_span_table(cells: int = 400, span: int = 200) -> bytes:
    """A ~10 KB table whose cells each merge span × span slots."""
    row = f'<td rowspan="{span}" colspan="{span}">1</td>' * cells
    return f"<html><body><p>{TITLE}</p><table><tr>{row}</tr></table></body></html>".encode()


def html_deep(levels: int) -> bytes:
    """Report text nested `levels` elements deep, as pages of unclosed <font> tags are."""
    return (
        f"<html><body>{'<div>' * levels}<p>{TITLE}</p><p>本年新收政府信息公开申请数量 12 件</p>"
        f"{'</div>' * levels}</body></html>"
    ).encode()


def pdf_ruled(lines: int = 200_000) -> bytes:
    """A one-page PDF whose compressed content stream draws `lines` ruled lines (a few KB on disk)."""
    drawing = b"".join(b"%d 0 m %d 800 l S\n" % (i % 600, i % 600) for i in range(lines))
    stream = zlib.compress(drawing, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def gbk_name(folder: Path, text: str = "报告", suffix: str = ".txt") -> bytes:
    """The bytes path of a file named in GBK, as unzipping a Windows archive leaves it."""
    return os.path.join(os.fsencode(folder), text.encode("gbk") + suffix.encode())
