"""OFD files (GB/T 33190): China's own fixed-layout format, which government offices publish beside PDF
or instead of it.

An OFD is a ZIP archive of XML: OFD.xml names the document's root, whose Document.xml lists its pages,
and each page's Content.xml places text (TextObject: a box, a font size, and each TextCode's
characters at positions in millimetres, DeltaX spacing them) and drawings (PathObject: the table's
rules) and pictures (ImageObject) on the page, from its top left corner. The page is drawn again as a
PDF page (reportlab), each character and rule where the OFD puts it, and that PDF is read like any
other: its tables are found from their rules and its text from the characters' places, and a page of
pictures alone is a scan, read by OCR.

Templates (a page's furniture, its header and seal) and annotations are not drawn.
"""

from __future__ import annotations

import io
import lzma
import math
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree

from metrics.models import Document
from metrics.readers import budgets
from metrics.readers.errors import ReadError

SUFFIXES = (".ofd",)

_POINTS_PER_MM = 72 / 25.4
# An Adobe CID font for simplified Chinese that every PDF reader knows by name: the PDF needs no font
# file, and its characters map to Unicode, so pdfminer reads them back.
_FONT = "STSong-Light"
# A4, where a document declares no page size.
_A4 = (0.0, 0.0, 210.0, 297.0)
# Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which converters of English text leave in.
_LIGATURES = frozenset(map(chr, range(0xFB00, 0xFB07)))
# The spec's default line width in millimetres (0.353 mm, one point).
_LINE_WIDTH = 0.353
# A half-width character's advance, as a share of the font size, where a TextCode gives no DeltaX.
_HALF = 0.5
# How a damaged archive fails in zipfile: a bad header or checksum (BadZipFile); a damaged part, by its
# compression: deflate (zlib.error), LZMA (LZMAError), bzip2 (OSError); a part whose compressed data
# ends before its stream does (EOFError, found by the fuzz tests); a directory whose offsets lead before
# the file's start (ValueError: a negative seek); a compression method it lacks.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
)
_XML = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)


@dataclass
class _Char:
    x: float  # mm from the left
    y: float  # the baseline, mm from the top
    size: float  # mm
    text: str


@dataclass
class _Path:
    segments: list[tuple[str, tuple[float, float] | None]]  # ("move" | "line", a point) or ("close", None)
    width: float  # mm
    stroke: bool
    fill: bool


@dataclass
class _Page:
    box: tuple[float, float, float, float]
    chars: list[_Char] = field(default_factory=list)
    paths: list[_Path] = field(default_factory=list)
    pictures: list[tuple[bytes, tuple[float, float, float, float]]] = field(default_factory=list)


def read_ofd(path: str, data: bytes) -> Document:
    from metrics.readers.pdf import read_pdf

    pages = _pages(_archive(data))
    if not pages:
        raise ReadError("the OFD file is damaged or holds no page")
    return read_pdf(path, _as_pdf(pages))


def _archive(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ReadError("the OFD file is damaged or not an OFD (an OFD is a zip archive)") from exc
    budgets.check_unpacked_size(archive, "the OFD file")
    return archive


def _pages(archive: zipfile.ZipFile) -> list[_Page]:
    root = _xml(archive, "OFD.xml")
    doc_root = _text(root, "DocBody", "DocRoot")
    if not doc_root:
        raise ReadError("the OFD file is damaged or holds no page (OFD.xml names no document)")
    doc_path = _resolve(PurePosixPath(), doc_root)
    document = _xml(archive, str(doc_path))
    folder = doc_path.parent
    default_box = _page_box(_text(document, "CommonData", "PageArea", "PhysicalBox"), _A4)
    media = _media(archive, document, folder)
    pages = []
    for page in document.iterfind("{*}Pages/{*}Page"):
        if len(pages) == budgets.PDF_PAGES:
            raise ReadError(f"the OFD file has more than the {budgets.PDF_PAGES:,} pages we read")
        page_path = _resolve(folder, page.get("BaseLoc", ""))
        content = _xml(archive, str(page_path))
        box = _page_box(_text(content, "Area", "PhysicalBox"), default_box)
        pages.append(_read_page(content, box, media))
    return pages


def _media(archive: zipfile.ZipFile, document, folder: PurePosixPath) -> dict[str, bytes]:
    """The pictures the document's resources hold, by their ID: a scanned page is one of them."""
    found: dict[str, bytes] = {}
    for tag in ("PublicRes", "DocumentRes"):
        for res_loc in document.iterfind(f"{{*}}CommonData/{{*}}{tag}"):
            res_path = _resolve(folder, res_loc.text or "")
            try:
                res = _xml(archive, str(res_path))
            except ReadError:
                continue
            base = (
                _resolve(res_path.parent, res.get("BaseLoc", "")) if res.get("BaseLoc") else res_path.parent
            )
            for item in res.iterfind("{*}MultiMedias/{*}MultiMedia"):
                if item.get("Type", "Image") != "Image":
                    continue
                loc = _text(item, "MediaFile")
                try:
                    found[item.get("ID", "")] = archive.read(str(_resolve(base, loc)))
                except (KeyError, *_ZIP_ERRORS):
                    continue
    return found


def _read_page(content, box: tuple[float, float, float, float], media: dict[str, bytes]) -> _Page:
    page = _Page(box)
    for obj in content.iterfind(".//{*}Content//*"):
        kind = etree.QName(obj).localname
        if kind == "TextObject":
            page.chars.extend(_chars(obj))
        elif kind == "PathObject":
            path = _path(obj)
            if path is not None:
                page.paths.append(path)
        elif kind == "ImageObject" and obj.get("ResourceID") in media:
            place = _box(obj.get("Boundary", ""))
            if place is not None:
                page.pictures.append((media[obj.get("ResourceID")], place))
    return page


def _chars(obj) -> Iterator[_Char]:
    """Each character of a TextObject where the page shows it: a TextCode's X and Y place its first
    character's baseline in the object's box, DeltaX the next ones' (a code without X or Y goes on
    from the one before), and the object's CTM, where it has one, scales or turns them."""
    left, top, *_ = _box(obj.get("Boundary", "")) or (0.0, 0.0, 0.0, 0.0)
    ctm = _numbers(obj.get("CTM", ""))
    transform = ctm if len(ctm) == 6 else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    a, b, c, d, e, f = transform
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    size = _number(obj.get("Size"), 3.5)
    x = y = 0.0
    for code in obj.iterfind("{*}TextCode"):
        text = code.text or ""
        x = _number(code.get("X"), x)
        y = _number(code.get("Y"), y)
        dx, dy = _deltas(code.get("DeltaX", "")), _deltas(code.get("DeltaY", ""))
        for i, char in enumerate(text):
            advance = dx[i] if i < len(dx) else size * (1.0 if ord(char) > 0x2E7F else _HALF)
            # A ligature (ﬁ) has no glyph in the Chinese font it is drawn in: its letters share its place.
            letters = unicodedata.normalize("NFKC", char) if char in _LIGATURES else char
            for n, letter in enumerate(letters):
                if not letter.isspace():
                    at_x = x + advance * n / len(letters)
                    yield _Char(left + a * at_x + c * y + e, top + b * at_x + d * y + f, size * scale, letter)
            x += advance
            y += dy[i] if i < len(dy) else 0.0


def _deltas(spec: str) -> list[float]:
    """DeltaX or DeltaY: numbers, where 'g N D' stands for N times D."""
    tokens = spec.split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(_number(tokens[i + 1], 0))
            out.extend([_number(tokens[i + 2], 0.0)] * min(count, 100_000))
            i += 3
        else:
            out.append(_number(tokens[i], 0.0))
            i += 1
    return out


# AbbreviatedData's operators and how many numbers each takes: move (M, S), line (L), quadratic (Q) and
# cubic (B) curves, arc (A), close (C).
_OPERANDS = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _path(obj) -> _Path | None:
    """A PathObject in page millimetres. Curves and arcs become lines to their ends: the drawings of a
    report that matter are its tables' rules."""
    left, top, *_ = _box(obj.get("Boundary", "")) or (0.0, 0.0, 0.0, 0.0)
    ctm = _numbers(obj.get("CTM", ""))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    tokens = (_text(obj, "AbbreviatedData") or "").split()
    segments: list[tuple[str, tuple[float, float] | None]] = []
    i = 0
    while i < len(tokens):
        op = tokens[i]
        n = _OPERANDS.get(op)
        if n is None:
            return None
        values = [_number(t, 0.0) for t in tokens[i + 1 : i + 1 + n]]
        i += 1 + n
        if len(values) < n:
            break
        if op == "C":
            segments.append(("close", None))
            continue
        x, y = values[-2], values[-1]
        point = (left + a * x + c * y + e, top + b * x + d * y + f)
        segments.append(("move" if op in ("M", "S") else "line", point))
    if not segments:
        return None
    return _Path(
        segments,
        _number(obj.get("LineWidth"), _LINE_WIDTH),
        stroke=obj.get("Stroke", "true") != "false",
        fill=obj.get("Fill", "false") == "true",
    )


def _as_pdf(pages: list[_Page]) -> bytes:
    """The pages drawn as a PDF, each character and rule where the OFD puts it."""
    # Imported here: reportlab is needed only for the few OFD files a folder holds.
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pageCompression=0)
    for page in pages:
        left, top, width, height = page.box
        pdf.setPageSize((width * _POINTS_PER_MM, height * _POINTS_PER_MM))

        def at(x: float, y: float, left=left, top=top, height=height) -> tuple[float, float]:
            return (x - left) * _POINTS_PER_MM, (height - (y - top)) * _POINTS_PER_MM

        for picture, (x, y, w, h) in page.pictures:
            try:
                pdf.drawImage(
                    ImageReader(io.BytesIO(picture)), *at(x, y + h), w * _POINTS_PER_MM, h * _POINTS_PER_MM
                )
            except Exception:  # noqa: BLE001 - a damaged picture is left out; the page's text still reads
                continue
        for path in page.paths:
            drawn = pdf.beginPath()
            for kind, point in path.segments:
                if point is None:
                    drawn.close()
                elif kind == "move":
                    drawn.moveTo(*at(*point))
                else:
                    drawn.lineTo(*at(*point))
            pdf.setLineWidth(path.width * _POINTS_PER_MM)
            pdf.drawPath(drawn, stroke=int(path.stroke), fill=int(path.fill))
        for char in page.chars:
            pdf.setFont(_FONT, max(char.size * _POINTS_PER_MM, 1.0))
            pdf.drawString(*at(char.x, char.y), char.text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _xml(archive: zipfile.ZipFile, name: str):
    try:
        return etree.fromstring(archive.read(name), parser=_XML)
    except KeyError as exc:
        raise ReadError(f"the OFD file is damaged or incomplete: it lacks {name}") from exc
    except _ZIP_ERRORS as exc:
        raise ReadError(f"the OFD file is damaged or incomplete: {exc}") from exc
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"the OFD file's XML is damaged: {exc}") from exc


def _resolve(folder: PurePosixPath, loc: str) -> PurePosixPath:
    """A location inside the archive: from its root where it starts with '/', else from `folder`;
    '..' steps up, never above the root."""
    loc = loc.strip().replace("\\", "/")
    parts = [] if loc.startswith("/") else list(folder.parts)
    for part in loc.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def _text(element, *path: str) -> str:
    found = element.find("/".join(f"{{*}}{p}" for p in path))
    return (found.text or "").strip() if found is not None else ""


_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$")


def _number(value: str | None, default: float) -> float:
    if value is None or not _NUMBER.match(value.strip()):
        return default
    number = float(value)
    return number if math.isfinite(number) else default


def _numbers(spec: str) -> list[float]:
    return [_number(t, 0.0) for t in spec.split()]


def _page_box(spec: str, default: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """A page's PhysicalBox; the default where it is missing or has no area (a damaged file)."""
    box = _box(spec)
    return box if box is not None and box[2] > 0 and box[3] > 0 else default


def _box(spec: str) -> tuple[float, float, float, float] | None:
    values = _numbers(spec)
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None
