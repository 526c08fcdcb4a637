"""OFD files made from PDFs, as a PDF-to-OFD converter writes them (GB/T 33190): each page's characters
as TextObjects, one per line of text or one per character, placed in millimetres from the page's top
left with DeltaX spacing a line's characters (runs of one spacing written 'g N D'), and each of its
drawings (a table's rules, as lines or as thin filled boxes) as a PathObject."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pdfplumber

NS = "http://www.ofdspec.org/2016"
MM_PER_POINT = 25.4 / 72


def pdf_to_ofd(pdf: Path, out: Path, per_char: bool = False, scaled: bool = False) -> Path:
    """Write the PDF's pages to `out` as an OFD. `per_char`: a TextObject for every character;
    `scaled`: each TextObject drawn at half size and scaled back by its CTM."""
    with pdfplumber.open(pdf) as doc:
        pages = [_page_xml(page, per_char, scaled) for page in doc.pages]
        width, height = (float(doc.pages[0].width) * MM_PER_POINT, float(doc.pages[0].height) * MM_PER_POINT)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        write = functools.partial(_write, archive)
        write(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        listed = "".join(
            f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages))
        )
        write(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            f"<ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width:.3f} {height:.3f}"
            f"</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
            f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>",
        )
        write(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>',
        )
        for n, content in enumerate(pages):
            write(f"Doc_0/Pages/Page_{n}/Content.xml", content)
    return out


def _write(archive: zipfile.ZipFile, name: str, text: str) -> None:
    """A member dated alike in every run, so the same PDF makes the same OFD."""
    archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def _page_xml(page, per_char: bool, scaled: bool) -> str:
    objects = []
    for line in _lines(page.chars):
        runs = [[c] for c in line] if per_char else [line]
        objects.extend(_text_object(run, scaled) for run in runs)
    objects.extend(
        _path_object(
            [(r["x0"], r["top"]), (r["x1"], r["top"]), (r["x1"], r["bottom"]), (r["x0"], r["bottom"])],
            r,
            closed=True,
        )
        for r in page.rects
    )
    objects.extend(_path_object(line["pts"], line) for line in (*page.lines, *page.curves))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
        f'<ofd:Layer ID="1">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def _lines(chars: list[dict]) -> list[list[dict]]:
    """The page's characters in lines: those of one baseline and size, left to right."""
    lines: dict[tuple[float, float], list[dict]] = {}
    for char in chars:
        if char["text"].strip():
            lines.setdefault((round(char["bottom"], 1), round(char["size"], 1)), []).append(char)
    return [sorted(line, key=lambda c: c["x0"]) for _, line in sorted(lines.items())]


def _text_object(run: list[dict], scaled: bool) -> str:
    size = run[0]["size"] * MM_PER_POINT
    left = run[0]["x0"] * MM_PER_POINT
    baseline = (run[0]["bottom"] - 0.12 * run[0]["size"]) * MM_PER_POINT
    top = baseline - size
    width = (run[-1]["x1"] - run[0]["x0"]) * MM_PER_POINT
    deltas = [(b["x0"] - a["x0"]) * MM_PER_POINT for a, b in zip(run, run[1:], strict=False)]
    factor = 2.0 if scaled else 1.0
    ctm = ' CTM="0.5 0 0 0.5 0 0"' if scaled else ""
    delta_x = f' DeltaX="{_compressed([d * factor for d in deltas])}"' if deltas else ""
    text = escape("".join(c["text"] for c in run))
    return (
        f'<ofd:TextObject ID="1" Boundary="{left:.3f} {top:.3f} {width + size:.3f} {size * 1.5:.3f}"'
        f' Font="2" Size="{size * factor:.3f}"{ctm}>'
        f'<ofd:TextCode X="0" Y="{size * factor:.3f}"{delta_x}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def _compressed(deltas: list[float]) -> str:
    """DeltaX as converters write it: a run of one spacing as 'g N D'."""
    out: list[str] = []
    i = 0
    while i < len(deltas):
        j = i
        while j < len(deltas) and abs(deltas[j] - deltas[i]) < 1e-3:
            j += 1
        out.append(f"g {j - i} {deltas[i]:.3f}" if j - i > 2 else " ".join(f"{d:.3f}" for d in deltas[i:j]))
        i = j
    return " ".join(out)


def _path_object(points: list[tuple[float, float]], drawn: dict, closed: bool = False) -> str:
    """A drawing as a PathObject: its points relative to its box, in millimetres."""
    xs, ys = [x * MM_PER_POINT for x, _ in points], [y * MM_PER_POINT for _, y in points]
    left, top = min(xs), min(ys)
    steps = " ".join(
        f"{'M' if n == 0 else 'L'} {x - left:.3f} {y - top:.3f}"
        for n, (x, y) in enumerate(zip(xs, ys, strict=True))
    )
    fill = ' Fill="true"' if drawn.get("fill") else ""
    stroke = "" if drawn.get("stroke", True) else ' Stroke="false"'
    width = (drawn.get("linewidth") or 0.5) * MM_PER_POINT
    return (
        f'<ofd:PathObject ID="1" Boundary="{left:.3f} {top:.3f} {max(xs) - left + width:.3f} {max(ys) - top + width:.3f}"'
        f' LineWidth="{width:.3f}"{fill}{stroke}><ofd:AbbreviatedData>{steps}{" C" if closed else ""}'
        "</ofd:AbbreviatedData></ofd:PathObject>"
    )
