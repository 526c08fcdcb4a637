"""Write one report's blocks as a file: scraped text, an HTML page, a Word document or a PDF.

Each writer reproduces what real files of its kind look like to a reader: text pages flatten tables
into `cell | cell` lines, HTML pages carry site furniture and rowspan/colspan tables, Word tables
have merged header cells, PDFs have page footers and tables that run over a page break.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import date

import docx
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from metrics.demo.content import Block, Cell, Heading, Paragraph, TableBlock
from metrics.demo.places import Agency

DEMO_NOTICE = "(本文件为程序生成的演示数据,文中机构、地名和数字均为虚构。)"
PDF_FONT = "STSong-Light"


@dataclass(frozen=True)
class Page:
    """A report ready to write: its blocks and the page furniture around them."""

    title: str
    agency: Agency
    published: date
    index_number: str
    meta_block: bool  # starts with 标题: / 发文机关: / 发布日期: lines, as scraped pages do
    blocks: list[Block]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _meta_lines(page: Page) -> list[tuple[str, str]]:
    return [
        ("索引号", page.index_number),
        ("发文机关", page.agency.name),
        ("标题", page.title),
        ("发布日期", page.published.isoformat()),
    ]


def place_cells(rows: list[list[Cell]]) -> tuple[int, int, list[tuple[int, int, Cell]]]:
    """Where each cell sits on the table grid: (rows, columns, [(row, column, cell)])."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
    n_rows = max(r for r, _ in taken) + 1
    n_cols = max(c for _, c in taken) + 1
    return n_rows, n_cols, placed


# ---- text ------------------------------------------------------------------------------------------


def write_text(page: Page, table_style: str = "pipes") -> str:
    """Page text as scraped: tables either as `cell | cell` rows or one cell per line."""
    lines = [f"{key}:{value}" for key, value in _meta_lines(page)] if page.meta_block else []
    lines += [page.title, ""]
    for block in page.blocks:
        if isinstance(block, TableBlock):
            lines += [block.caption] if block.caption else []
            for row in block.rows:
                cells = [cell.text for cell in row]
                lines += [" | ".join(cells)] if table_style == "pipes" else cells
        else:
            lines.append(("" if isinstance(block, Heading) else "\u3000\u3000") + block.text)
    lines += ["", page.agency.name, chinese_date(page.published), DEMO_NOTICE]
    return "\n".join(lines) + "\n"


# ---- HTML ------------------------------------------------------------------------------------------


def write_html(page: Page, charset: str = "utf-8", cms_meta: bool = False) -> bytes:
    """A government-site article page; `cms_meta` adds the <meta name="ArticleTitle"> family."""
    esc = html.escape
    head = [
        f'<meta charset="{charset}">',
        f"<title>{esc(page.title)}</title>",
        "<style>table{border-collapse:collapse} td{border:1px solid #333;padding:2px 6px}</style>",
        '<script>var siteStats = {"pv": 0}; function share(){ return "分享到微博"; }</script>',
    ]
    if cms_meta:
        head += [
            f'<meta name="ArticleTitle" content="{esc(page.title)}">',
            f'<meta name="PubDate" content="{page.published.isoformat()} 09:30">',
            f'<meta name="ContentSource" content="{esc(page.agency.name)}">',
        ]
    body = [
        '<div class="nav">首页 | 政务公开 | 政府信息公开年报 | 互动交流</div>',
        '<div class="crumb">当前位置:首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>',
    ]
    if page.meta_block:
        body.append(
            '<div class="info">' + "".join(f"<p>{k}:{esc(v)}</p>" for k, v in _meta_lines(page)) + "</div>"
        )
    body.append(f"<h1>{esc(page.title)}</h1>")
    body.append('<div class="content">')
    for block in page.blocks:
        body.append(_html_block(block))
    body += [
        f'<p style="text-align:right">{esc(page.agency.name)}</p>',
        f'<p style="text-align:right">{chinese_date(page.published)}</p>',
        "</div>",
        f'<div class="attach">附件下载:<a href="#">{esc(page.title)}.pdf</a></div>',
        f'<div class="footer">主办单位:{esc(page.agency.name)} {DEMO_NOTICE}</div>',
    ]
    document = (
        "<!DOCTYPE html>\n<html><head>"
        + "".join(head)
        + "</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    return document.encode(charset, errors="xmlcharrefreplace")


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<p><strong>{html.escape(block.text)}</strong></p>"
    if isinstance(block, Paragraph):
        return f"<p>{html.escape(block.text)}</p>"
    out = [f"<p>{html.escape(block.caption)}</p>"] if block.caption else []
    out.append('<table border="1" cellspacing="0">')
    for row in block.rows:
        out.append("<tr>" + "".join(_html_cell(cell) for cell in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _html_cell(cell: Cell) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    text = html.escape(cell.text) if cell.text else "&nbsp;"
    return f"<td{spans}>{text}</td>"


# ---- DOCX ------------------------------------------------------------------------------------------


def write_docx(page: Page) -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    title = document.add_paragraph()
    title.add_run(page.title).bold = True
    for block in page.blocks:
        if isinstance(block, Heading):
            document.add_paragraph().add_run(block.text).bold = True
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            if block.caption:
                document.add_paragraph(block.caption)
            _docx_table(document, block)
    for line in (page.agency.name, chinese_date(page.published), DEMO_NOTICE):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, block: TableBlock) -> None:
    n_rows, n_cols, placed = place_cells(block.rows)
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    # Resolve every cell once before merging: table.cell() rebuilds the whole cell list per call.
    slots = table._cells
    for r, c, cell in placed:
        target = slots[r * n_cols + c]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(slots[(r + cell.rowspan - 1) * n_cols + c + cell.colspan - 1])
        target.text = cell.text


# ---- PDF -------------------------------------------------------------------------------------------

_registered = False


def _font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
        _registered = True
    return PDF_FONT


def write_pdf(page: Page, footer_dash: str = "—", repeat_header: bool = False) -> bytes:
    """An A4 PDF in the CID font every PDF viewer has; footers read `— N —` (or `- N -`)."""
    font = _font()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap="CJK"
    )
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0, fontSize=11)
    title = ParagraphStyle("title", parent=body, firstLineIndent=0, fontSize=15, leading=22, alignment=1)
    right = ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=2)
    story = [PdfParagraph(html.escape(page.title), title), Spacer(1, 8)]
    for block in page.blocks:
        if isinstance(block, Heading):
            story.append(PdfParagraph(html.escape(block.text), heading))
        elif isinstance(block, Paragraph):
            story.append(PdfParagraph(html.escape(block.text), body))
        else:
            if block.caption:
                story.append(PdfParagraph(html.escape(block.caption), heading))
            story += [_pdf_table(block, font, repeat_header), Spacer(1, 6)]
    story += [
        PdfParagraph(html.escape(page.agency.name), right),
        PdfParagraph(chinese_date(page.published), right),
        PdfParagraph(html.escape(DEMO_NOTICE), body),
    ]

    def footer(canvas, doc) -> None:
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 28, f"{footer_dash} {doc.page} {footer_dash}")

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=50,
        rightMargin=50,
        topMargin=56,
        bottomMargin=56,
        title=page.title,
        author=page.agency.name,
        invariant=True,
    )  # no creation time or random id: same input, same bytes
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _pdf_table(block: TableBlock, font: str, repeat_header: bool) -> PdfTable:
    n_rows, n_cols, placed = place_cells(block.rows)
    size = 7 if block.big else 9
    style = ParagraphStyle("cell", fontName=font, fontSize=size, leading=size + 2, wordWrap="CJK")
    grid: list[list[object]] = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for r, c, cell in placed:
        grid[r][c] = PdfParagraph(html.escape(cell.text), style) if cell.text else ""
        if cell.rowspan > 1 or cell.colspan > 1:
            commands.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    widths = _pdf_column_widths(n_cols, block.big)
    return PdfTable(grid, colWidths=widths, repeatRows=1 if repeat_header else 0, style=TableStyle(commands))


def _pdf_column_widths(n_cols: int, big: bool) -> list[float]:
    usable = A4[0] - 100
    if n_cols == 3:  # the legacy 统计表: a wide label column
        return [usable * 0.7, usable * 0.1, usable * 0.2]
    if n_cols == 10:  # section 三: three label columns, seven numbers
        labels = [34, 60, 128]
        return labels + [(usable - sum(labels)) / 7] * 7
    return [usable / n_cols] * n_cols
