"""The conversion zoo: real HTML reports converted by real converters, then read by our extractor.

A report reaches us as whatever someone made of the agency's web page: text copied out of a browser,
Markdown from a scraper, a PDF printed from Chromium or LibreOffice, a Word file. Each converter below
is the plain, default use of one such tool. Its output is fed to `metrics.extract.extract_file` and
scored against the figures of the HTML source itself:

- reference: the source's truth file where one lies beside it (`pt-001.truth.json`), else what our
  extractor reads from the HTML source.
- expected: what our extractor reads from the HTML source, restricted to the values that agree with the
  reference, so that a misreading of the source is never demanded of a conversion.
- found: expected values the conversion yields with the same value; conflicts: values the conversion
  yields for a metric of the reference with another value (a wrong figure, the one thing never allowed).

Converters that split a PDF into one text per page are scored by precision only: a page holds only
some of the tables, so its recall says nothing. Whole-document conversions are scored on both.

Shared by tests/test_conversion_zoo.py and scripts/conversion_zoo.py.
"""

from __future__ import annotations

import csv
import functools
import html
import importlib.util
import json
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from chromium import CHROMIUM

from metrics.extract import extract_file
from metrics.readers.errors import ReadError

TESTS = Path(__file__).resolve().parent
DEV = TESTS.parents[1] / "shared" / "corpus" / "dev"
WIDE = TESTS / "corpus" / "wide"
TIMEOUT = 180  # seconds for one program run; LibreOffice's first start with a new profile is the slowest

# Chromium prints the date and time at the head of every page, as a user's print does; where a table
# starts a page, some PDF readers run that line into the table's cells. The clock is fixed so that one
# run reads the same PDFs as the next (with the real clock pymupdf4llm's recall moved by 0.01 between
# runs a minute apart): every Chromium print runs under libfaketime. It is preloaded here rather than
# through the `faketime` wrapper, which keeps a semaphore in /dev/shm named by its process id: one
# killed by a timeout leaves it behind, and a later wrapper given the same id refuses to start.
PRINT_CLOCK = {
    "LD_PRELOAD": "/usr/$LIB/faketime/libfaketime.so.1",  # $LIB is the loader's, as the wrapper writes it
    "FAKETIME": "@2026-03-01 10:00:00",
}
CHROMIUM_PRINT = (CHROMIUM, "faketime")


# ---------------------------------------------------------------- sources


def dev_sources() -> list[Path]:
    """The complete HTML reports of the development corpus that have hand-checked truth."""
    if not DEV.is_dir():
        return []
    found = sorted(DEV.glob("pt-*.html")) + sorted(DEV.glob("std-001.html"))
    return [p for p in found if _truth_path(p).is_file()]


def wide_sources() -> list[Path]:
    """Every HTML report under tests/corpus/wide/ that its folder's index.csv does not mark incomplete.

    Files are being added there by hand, so this looks at run time and accepts a file no index lists."""
    if not WIDE.is_dir():
        return []
    return [p for p in sorted(WIDE.rglob("*.html")) if _complete(p)]


def fixture_sources() -> list[Path]:
    """The project's own HTML fixtures, one per layout with a table (the legacy statistics table among
    them, of which no real HTML is at hand): always present, so the zoo runs wherever the tests do."""
    return sorted((TESTS / "fixtures" / "legacy").glob("*.html")) + sorted(
        (TESTS / "fixtures" / "standard").glob("*.html")
    )


def prose_sources(into: Path) -> list[Path]:
    """The 2008-2014 prose reports that have hand-checked truth (the development corpus's and the wide
    corpus's, kept as text), each as the web page it came from: a paragraph per line, the first line
    as the heading. Written into `into` with a copy of the truth beside each."""
    found = sorted(DEV.glob("leg-*.txt")) if DEV.is_dir() else []
    found += sorted((WIDE / "legacy").glob("*.txt"))
    into.mkdir(parents=True, exist_ok=True)
    sources = []
    for text_path in (p for p in found if _truth_path(p).is_file()):
        source = into / (text_path.stem + ".html")
        source.write_text(_as_page(_decoded(text_path.read_bytes())), encoding="utf-8")
        shutil.copyfile(_truth_path(text_path), _truth_path(source))
        sources.append(source)
    return sources


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _as_page(text: str) -> str:
    lines = [html.escape(line.strip()) for line in text.splitlines() if line.strip()]
    head = lines[0] if lines else ""
    body = "".join(f"<p>{line}</p>" for line in lines[1:])
    return f'<html><head><meta charset="utf-8"><title>{head}</title></head><body><h1>{head}</h1>{body}</body></html>'


def _complete(path: Path) -> bool:
    index = path.parent / "index.csv"
    if not index.is_file():
        return True
    with index.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("file") == path.name:
                return (row.get("complete") or "true").strip().lower() != "false"
    return True


def _truth_path(source: Path) -> Path:
    return source.with_name(source.stem + ".truth.json")


def read_html(path: Path) -> str:
    """The source as text for the Python converters, which take a string. UTF-8 first: GBK bytes are
    almost never valid UTF-8, while UTF-8 bytes often decode as (wrong) GB18030."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _charset(path: Path) -> str:
    """The encoding to announce to w3m and lynx for a page that does not declare one."""
    try:
        path.read_bytes().decode("utf-8-sig")
        return "UTF-8"
    except UnicodeDecodeError:
        return "GB18030"


# ---------------------------------------------------------------- running programs


@functools.cache
def _can_unshare() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--net", "true"], capture_output=True).returncode == 0


def _offline(cmd: list[str]) -> list[str]:
    """Run a program without network: the pages link remote scripts, images and frames that Chromium
    and LibreOffice would otherwise try to fetch. As root (CI, the dev machines) a fresh network
    namespace has only a loopback that is down; where that is not allowed the program runs as is
    (Chromium is also told that no host name resolves)."""
    return ["unshare", "--net", *cmd] if _can_unshare() else cmd


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    run = subprocess.run(_offline(cmd), capture_output=True, timeout=TIMEOUT, **kwargs)
    if run.returncode != 0:
        raise RuntimeError(
            f"{cmd[0]} exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')[-500:]}"
        )
    return run


def _write(out: Path, name: str, text: str) -> list[Path]:
    path = out / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return [path]


# ---------------------------------------------------------------- HTML → text in Python


def html2text_md(src: Path, out: Path) -> list[Path]:
    import html2text

    return _write(out, "html2text", html2text.HTML2Text().handle(read_html(src)))


def markdownify_md(src: Path, out: Path) -> list[Path]:
    import markdownify

    return _write(out, "markdownify", markdownify.markdownify(read_html(src)))


def inscriptis_text(src: Path, out: Path) -> list[Path]:
    import inscriptis

    return _write(out, "inscriptis", inscriptis.get_text(read_html(src)))


def trafilatura_text(src: Path, out: Path) -> list[Path]:
    import trafilatura

    # Its main-content guess decides what is kept; None when it finds no main content.
    return _write(out, "trafilatura", trafilatura.extract(read_html(src), include_tables=True) or "")


def html_text_text(src: Path, out: Path) -> list[Path]:
    import html_text

    return _write(out, "html-text", html_text.extract_text(read_html(src)))


def bs4_get_text(src: Path, out: Path) -> list[Path]:
    from bs4 import BeautifulSoup

    # The scraper's one-liner: every text node on its own line (script and style text left out).
    return _write(out, "bs4", BeautifulSoup(read_html(src), "lxml").get_text("\n"))


def bs4_text_content(src: Path, out: Path) -> list[Path]:
    from bs4 import BeautifulSoup

    # get_text() with no separator, as most scrapers call it: the page's textContent, whose table
    # cells run together wherever the markup has no white space between them (`部分公开44`).
    soup = BeautifulSoup(read_html(src), "lxml")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return _write(out, "bs4-textcontent", soup.get_text())


def bs4_row_cells(src: Path, out: Path) -> list[Path]:
    from bs4 import BeautifulSoup

    # The careful scraper: each table row one line, its cells joined by " | ".
    soup = BeautifulSoup(read_html(src), "lxml")
    for row in reversed(soup.find_all("tr")):  # innermost rows first, should tables nest
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"], recursive=False)]
        row.replace_with("\n" + " | ".join(cells) + "\n")
    return _write(out, "bs4-cells", soup.get_text("\n"))


# ---------------------------------------------------------------- HTML → text with programs


def _pandoc(to: str) -> Callable[[Path, Path], list[Path]]:
    def convert(src: Path, out: Path) -> list[Path]:
        # pandoc reads UTF-8 only: the decoded page goes in on stdin.
        run = _run(["pandoc", "-f", "html", "-t", to], input=read_html(src).encode("utf-8"))
        return _write(out, f"pandoc-{to}", run.stdout.decode("utf-8"))

    return convert


def w3m_dump(src: Path, out: Path) -> list[Path]:
    run = _run(["w3m", "-dump", "-T", "text/html", "-I", _charset(src), "-O", "UTF-8", str(src)])
    return _write(out, "w3m", run.stdout.decode("utf-8", "replace"))


def lynx_dump(src: Path, out: Path) -> list[Path]:
    run = _run(
        ["lynx", "-dump", "-nolist", f"-assume_charset={_charset(src)}", "-display_charset=utf-8", str(src)]
    )
    return _write(out, "lynx", run.stdout.decode("utf-8", "replace"))


# ---------------------------------------------------------------- HTML → PDF / DOCX


def chromium_pdf(src: Path, out: Path) -> Path:
    """Chromium's print to PDF, made once per source and read back by every PDF reader below."""
    return chromium_print(src, out / "chromium.pdf")


# Tables whose borders do not print (a border drawn by a style sheet the page lost, or none at all):
# a PDF reader finds no ruled grid and reads the page text alone.
_BORDER_ATTRIBUTE = re.compile(r"""(?i)\sborder\s*=\s*["']?\d+["']?""")
_BORDER_STYLE = re.compile(r"(?i)border[-a-z]*\s*:[^;\"']*;?")
_NO_BORDERS = "<style>table,tr,td,th{border:none!important}</style>"


def chromium_pdf_borderless(src: Path, out: Path) -> Path:
    """Chromium's print of the page with every table border taken away."""
    page = _BORDER_STYLE.sub("", _BORDER_ATTRIBUTE.sub("", read_html(src)))
    return _restyled_print(page, _NO_BORDERS, out, "borderless")


def chromium_pdf_a5(src: Path, out: Path) -> Path:
    """Chromium's print on A5 paper: narrow pages break tables between and inside rows, wrap labels
    over more lines, and cut off a table wider than the page."""
    return _restyled_print(read_html(src), "<style>@page{size:A5;margin:12mm}</style>", out, "a5")


def _restyled_print(page: str, style: str, out: Path, name: str) -> Path:
    """Chromium's print of the page (made once) with `style` put first, as UTF-8 whatever it declared."""
    pdf = out / f"chromium-{name}.pdf"
    if not pdf.exists():
        html = out / f"{name}.html"
        page = re.sub(r"(?i)<meta[^>]*charset[^>]*>", "", page)
        html.write_text(f'<meta charset="utf-8">{style}{page}', encoding="utf-8")
        chromium_print(html, pdf)
    return pdf


def chromium_print(src: Path, pdf: Path) -> Path:
    if not pdf.exists():
        with tempfile.TemporaryDirectory(dir=pdf.parent) as profile:  # parallel runs must not share one
            _run(
                [
                    CHROMIUM,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--no-first-run",
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf}",
                    src.resolve().as_uri(),
                ],
                env={**os.environ, **PRINT_CLOCK},
            )
    return pdf


def _libreoffice(src: Path, out: Path, target: str, suffix: str) -> Path:
    """LibreOffice Writer opening the page (as a Writer document, not Writer/Web, which has no DOCX
    export) and saving it."""
    result = out / f"libreoffice.{suffix}"
    if not result.exists():
        work = out / f"lo-{suffix}"
        work.mkdir(exist_ok=True)
        # One profile per worker process: two LibreOffices must not share one, and a new profile costs
        # seconds to set up, so each process keeps its own for all its sources.
        profile = (out.parent / f"lo-profile-{os.getpid()}").resolve().as_uri()
        _run(
            [
                "soffice",
                "--headless",
                "--norestore",
                f"-env:UserInstallation={profile}",
                "--infilter=HTML (StarWriter)",
                "--convert-to",
                target,
                "--outdir",
                str(work),
                str(src),
            ]
        )
        (work / f"{src.stem}.{suffix}").rename(result)
    return result


def libreoffice_pdf(src: Path, out: Path) -> Path:
    return _libreoffice(src, out, "pdf:writer_pdf_Export", "pdf")


def libreoffice_docx(src: Path, out: Path) -> list[Path]:
    return [_libreoffice(src, out, "docx:MS Word 2007 XML", "docx")]


# ---------------------------------------------------------------- PDF → text


def pdf_itself(pdf: Path, out: Path, name: str) -> list[Path]:
    return [pdf]  # our own PDF reader


def pdftotext(layout: bool) -> Callable[[Path, Path, str], list[Path]]:
    def read(pdf: Path, out: Path, name: str) -> list[Path]:
        target = out / f"{name}.txt"
        _run(["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", str(pdf), str(target)])
        return [target]

    return read


@functools.cache  # the joined and the per-page readers share one parse: pdfplumber takes seconds a file
def _pdfplumber_pages(pdf: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def _pdfium_pages(pdf: Path) -> list[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


# PDF-to-Markdown tools, as scrapers feeding language models now use them: Markdown tables laid out
# from the PDF's text positions, cells sometimes run together or split.
def markitdown_md(pdf: Path, out: Path, name: str) -> list[Path]:
    from markitdown import MarkItDown

    # pdfminer, which reads the PDF for it, warns of every font without a bounding box.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return _write(out, name, MarkItDown().convert(str(pdf)).text_content)


def pymupdf4llm_md(pdf: Path, out: Path, name: str) -> list[Path]:
    import pymupdf4llm

    # Its default layout analysis; no OCR, since a printed PDF holds its text (and its OCR path fails
    # on LibreOffice's PDFs: "'NoneType' object is not iterable").
    return _write(out, name, pymupdf4llm.to_markdown(str(pdf), use_ocr=False))


def pages_joined(pages: Callable[[Path], list[str]]) -> Callable[[Path, Path, str], list[Path]]:
    def read(pdf: Path, out: Path, name: str) -> list[Path]:
        return _write(out, name, "\n".join(pages(pdf)))

    return read


def pages_split(pages: Callable[[Path], list[str]]) -> Callable[[Path, Path, str], list[Path]]:
    def read(pdf: Path, out: Path, name: str) -> list[Path]:
        return [_write(out, f"{name}.p{i:02d}", text)[0] for i, text in enumerate(pages(pdf), 1)]

    return read


PDF_READERS: dict[str, tuple[Callable[[Path, Path, str], list[Path]], tuple[str, ...], bool]] = {
    # name: (reader, programs/modules it needs, one text per page)
    "": (pdf_itself, (), False),
    "pdftotext": (pdftotext(False), ("pdftotext",), False),
    "pdftotext -layout": (pdftotext(True), ("pdftotext",), False),
    "pdfplumber": (pages_joined(_pdfplumber_pages), ("py:pdfplumber",), False),
    "pypdfium2": (pages_joined(_pdfium_pages), ("py:pypdfium2",), False),
    "pdfplumber per page": (pages_split(_pdfplumber_pages), ("py:pdfplumber",), True),
    "pypdfium2 per page": (pages_split(_pdfium_pages), ("py:pypdfium2",), True),
    "markitdown": (markitdown_md, ("py:markitdown",), False),
    "pymupdf4llm": (pymupdf4llm_md, ("py:pymupdf4llm",), False),
}


# ---------------------------------------------------------------- the converters


@dataclass(frozen=True)
class Converter:
    name: str
    convert: Callable[[Path, Path], list[Path]]
    needs: tuple[str, ...] = ()  # programs on PATH, or "py:module"
    per_page: bool = False  # scored by precision only

    def missing(self) -> str | None:
        """Why this converter cannot run here, or None."""
        for need in self.needs:
            if need.startswith("py:"):
                if importlib.util.find_spec(need[3:]) is None:
                    return f"Python module {need[3:]} is not installed"
            elif shutil.which(need) is None:
                return f"program {need} is not installed"
        return None


def _via_pdf(
    make: Callable[[Path, Path], Path], reader: Callable[[Path, Path, str], list[Path]], slug: str
) -> Callable[[Path, Path], list[Path]]:
    def convert(src: Path, out: Path) -> list[Path]:
        return reader(make(src, out), out, slug)

    return convert


def _converters() -> list[Converter]:
    zoo = [
        Converter("html2text", html2text_md, ("py:html2text",)),
        Converter("markdownify", markdownify_md, ("py:markdownify",)),
        Converter("inscriptis", inscriptis_text, ("py:inscriptis",)),
        Converter("trafilatura", trafilatura_text, ("py:trafilatura",)),
        Converter("html-text", html_text_text, ("py:html_text",)),
        Converter("bs4 get_text", bs4_get_text, ("py:bs4",)),
        Converter("bs4 get_text, no separator", bs4_text_content, ("py:bs4",)),
        Converter("bs4 row cells |", bs4_row_cells, ("py:bs4",)),
        Converter("pandoc plain", _pandoc("plain"), ("pandoc",)),
        Converter("pandoc markdown", _pandoc("markdown"), ("pandoc",)),
        Converter("pandoc gfm", _pandoc("gfm"), ("pandoc",)),
        Converter("w3m -dump", w3m_dump, ("w3m",)),
        Converter("lynx -dump", lynx_dump, ("lynx",)),
        Converter("libreoffice docx", libreoffice_docx, ("soffice",)),
        Converter(
            "chromium pdf, no table borders",
            _via_pdf(chromium_pdf_borderless, pdf_itself, "chromium-borderless"),
            CHROMIUM_PRINT,
        ),
        Converter(
            "chromium pdf on A5 paper",
            _via_pdf(chromium_pdf_a5, pdf_itself, "chromium-a5"),
            CHROMIUM_PRINT,
        ),
    ]
    for maker, make, needs in (
        ("chromium pdf", chromium_pdf, CHROMIUM_PRINT),
        ("libreoffice pdf", libreoffice_pdf, ("soffice",)),
    ):
        for reader_name, (reader, reader_needs, per_page) in PDF_READERS.items():
            name = f"{maker} → {reader_name}" if reader_name else maker
            slug = name.replace(" → ", "-").replace(" ", "-")
            zoo.append(Converter(name, _via_pdf(make, reader, slug), needs + reader_needs, per_page))
    return zoo


CONVERTERS: dict[str, Converter] = {c.name: c for c in _converters()}


# ---------------------------------------------------------------- running the zoo


def run_source(source: Path, out: Path, names: Iterable[str]) -> dict:
    """Every named converter over one source, in one process (the PDF and DOCX made once are shared by
    the readers of that source). Plain data back, so it crosses process boundaries."""
    out.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in names:
        start = time.monotonic()
        result = results[name] = {"files": {}, "error": None}
        try:
            files = CONVERTERS[name].convert(source, out)
        except Exception as e:  # a converter failing on a source is a result to report, not a crash
            files, result["error"] = [], f"conversion failed: {type(e).__name__}: {e}"[:300]
        for file in files:
            try:
                result["files"][file.name] = extract_file(str(file)).totals()
            except ReadError:  # e.g. a converter that kept no text: no figures, judged by recall
                result["files"][file.name] = {}
            except Exception as e:  # our extractor crashing on a conversion is a bug to report
                result["files"][file.name] = {}
                result["error"] = f"extract_file({file.name}) raised {type(e).__name__}: {e}"[:300]
        result["seconds"] = time.monotonic() - start
    return results


def run_zoo(
    sources: list[Path], workdir: Path, names: Iterable[str] | None = None, workers: int | None = None
) -> dict[str, dict]:
    """{source name: run_source result}; sources in parallel, one process each (two cores take the
    PDF printing and LibreOffice starts side by side)."""
    names = [n for n in (names or CONVERTERS) if CONVERTERS[n].missing() is None]
    workers = workers or os.cpu_count() or 2
    # spawn, not fork: the caller (pytest, with Streamlit loaded) may hold threads a fork would copy
    # mid-lock; spawned workers import this module afresh with the caller's sys.path.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {s: pool.submit(run_source, s, workdir / s.stem, names) for s in sources}
        return {s.name: f.result() for s, f in futures.items()}


def skipped() -> dict[str, str]:
    """{converter: why it cannot run here}."""
    return {n: why for n, c in CONVERTERS.items() if (why := c.missing())}


# ---------------------------------------------------------------- scoring


def close(a: float, b: float, metric: str) -> bool:
    """Equal as shared/tools/score.py judges it: money to the cent, counts exactly."""
    return abs(float(a) - float(b)) <= (0.011 if "yuan" in metric else 1e-9)


@dataclass
class Reference:
    expected: dict[str, float]  # what a conversion should yield
    judged: dict[str, float]  # what a yielded value is checked against


def reference(source: Path) -> Reference:
    totals = extract_file(str(source)).totals()
    truth = _truth_path(source)
    if truth.is_file():
        metrics = json.loads(truth.read_text(encoding="utf-8")).get("metrics") or {}
        judged = {m: v for m, v in metrics.items() if v is not None}
    else:
        judged = totals
    expected = {m: v for m, v in totals.items() if m in judged and close(v, judged[m], m)}
    return Reference(expected, judged)


@dataclass
class Score:
    per_page: bool = False
    expected: int = 0
    found: int = 0
    missed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def recall(self) -> float | None:
        if self.per_page:
            return None
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        judged = self.found + len(self.conflicts)
        return self.found / judged if judged else 1.0


def score(runs: dict[str, dict], references: dict[str, Reference]) -> dict[str, Score]:
    """{converter: Score} over all sources of `runs`."""
    scores: dict[str, Score] = {}
    for source, results in runs.items():
        ref = references[source]
        for name, result in results.items():
            s = scores.setdefault(name, Score(per_page=CONVERTERS[name].per_page))
            s.seconds += result["seconds"]
            if result["error"]:
                s.errors.append(f"{source}: {result['error']}")
            if not s.per_page:
                s.expected += len(ref.expected)
            for file, got in result["files"].items():
                where = f"{source} [{file}]" if s.per_page else source
                for m, v in got.items():
                    if m not in ref.judged:
                        continue
                    if not close(v, ref.judged[m], m):
                        s.conflicts.append(f"{where}: {m} want {ref.judged[m]:g} got {v:g}")
                    elif s.per_page and m in ref.expected:
                        s.found += 1
                if not s.per_page:
                    for m, v in ref.expected.items():
                        if m in got and close(got[m], v, m):
                            s.found += 1
                        else:
                            s.missed.append(f"{source}: {m} want {v:g} got {got.get(m, 'nothing')}")
    return scores


def table(scores: dict[str, Score], skipped: dict[str, str] | None = None, title: str = "") -> str:
    """The converter × recall/precision table, in CONVERTERS order."""
    width = max([len(n) for n in CONVERTERS] + [9])
    lines = [title] if title else []
    lines.append(
        f"{'converter':<{width}}  {'expected':>8} {'found':>6} {'conflicts':>9} {'recall':>7} "
        f"{'precision':>9} {'seconds':>7}"
    )
    for name in CONVERTERS:
        if name in scores:
            s = scores[name]
            recall = f"{'-':>7}" if s.recall is None else f"{s.recall:7.3f}"
            expected = "-" if s.per_page else str(s.expected)
            lines.append(
                f"{name:<{width}}  {expected:>8} {s.found:>6} {len(s.conflicts):>9} {recall:>7} "
                f"{s.precision:9.3f} {s.seconds:7.1f}" + (f"  errors: {len(s.errors)}" if s.errors else "")
            )
        elif skipped and name in skipped:
            lines.append(f"{name:<{width}}  skipped: {skipped[name]}")
    lines.append("(per page: one text per PDF page, scored by precision only; found counts page values)")
    return "\n".join(lines)
