"""Scanned reports made from the development corpus: its HTML reports printed by Chromium, rendered to
page images, damaged as scans are, wrapped as image-only PDFs, read by `ogi extract --json` (OCR) and
scored against their hand-checked truth files.

Damage kinds (each PDF stores its pages as JPEG, quality 75, as scanners do):
  clean  the rendering as it is
  skew   turned 0.5–1.5° either way
  jpeg   JPEG artefacts: each page through JPEG quality 25 first
  grey   grey, unevenly lit paper with speckle
  seal   a red seal stamped over the text of a middle page
  all    skew, grey, seal and JPEG quality 25 together

Scores follow ../shared/tools/score.py: a truth value is found when the same metric id has the same
value (money to the cent); precision counts wrong values only for metric ids the truth file names.
A source without a truth file (the project's own legacy table fixture) is scored against the figures
read from the source itself: the scan must give what its source gives.

The legacy layouts are printed from text: the development corpus's prose reports (.txt) and the
legacy table fixture (.html) set as a page of paragraphs and a ruled table, as such reports were
typed and printed.

Shared by tests/test_scanned_corpus.py and scripts/scanned_corpus.py.
"""

from __future__ import annotations

import html
import io
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import conversion_zoo as zoo
import numpy as np
import pypdfium2
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

from metrics.normalize import to_traditional

DAMAGE = ("clean", "skew", "jpeg", "grey", "seal", "all")
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SEAL_RED = (220, 30, 40)


@dataclass
class Score:
    found: int = 0
    wrong: int = 0
    total: int = 0
    pages: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # user + system time of the reading: what a busy shared machine does not inflate
    failed: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.wrong) if self.found + self.wrong else 0.0


LEGACY_TABLE_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "legacy" / "table_2016.html"


def legacy_sources() -> list[Path]:
    """Reports in the two legacy layouts: the development corpus's prose reports with truth files and
    the project's own legacy table fixture."""
    prose = (
        sorted(p for p in zoo.DEV.glob("leg-*.txt") if truth_file(p).is_file()) if zoo.DEV.is_dir() else []
    )
    return [*prose, LEGACY_TABLE_FIXTURE]


def in_traditional_characters(source: Path, folder: Path) -> Path:
    """A copy of the source in `folder` written in traditional characters, with its truth file."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    copy.write_text(to_traditional(source.read_text(encoding="utf-8")), encoding="utf-8")
    if truth_file(source).is_file():
        shutil.copy(truth_file(source), truth_file(copy))
    return copy


def truth_file(source: Path) -> Path:
    return source.with_name(source.stem + ".truth.json")


def printed_pdf(source: Path, out: Path) -> Path:
    """Chromium's print of the source: an HTML page as it is, a text report typed as paragraphs."""
    if source.suffix != ".txt":
        return zoo.chromium_pdf(source, out)
    lines = source.read_text(encoding="utf-8").splitlines()
    page = out / "typed.html"
    page.write_text(
        '<meta charset="utf-8"><style>body{font:12pt "Noto Serif CJK SC","Noto Sans CJK SC";margin:2cm}'
        "p{margin:0 0 .4em;text-indent:2em}</style>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines),
        encoding="utf-8",
    )
    return zoo.chromium_print(page, out / "chromium.pdf")


def reference_figures(source: Path) -> dict:
    """The figures a scan of `source` should give: its truth file's, else those read from the source."""
    if truth_file(source).is_file():
        return json.loads(truth_file(source).read_text(encoding="utf-8")).get("metrics") or {}
    run = subprocess.run(
        [sys.executable, "-m", "metrics", "extract", "--json", str(source)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.splitlines()[0]).get("metrics") or {}


def needs_scanning_tools() -> list:
    """Skip marks for a test that prints, scans and reads: Chromium, the seal's font, the OCR engine."""
    import shutil

    import pytest

    from metrics.readers import ocr

    return [
        *(
            pytest.mark.skipif(
                shutil.which(program) is None, reason=f"{program} is missing (apt-get install it)"
            )
            for program in zoo.CHROMIUM_PRINT
        ),
        pytest.mark.skipif(not FONT.is_file(), reason=f"the seal's font {FONT} is missing (fonts-noto-cjk)"),
        pytest.mark.skipif(
            not ocr.engine_installed(), reason=f"the OCR engine is not installed: {ocr.INSTALL_HINT}"
        ),
    ]


def page_count(pdf: Path) -> int:
    return len(pypdfium2.PdfDocument(pdf))


def read_scans(sources: list[Path], dpi: int, damage: str, work: Path) -> Score:
    """Print, scan with `damage` at `dpi`, read and score the given reports; files are left in `work`."""
    folder = work / f"{dpi}dpi-{damage}"
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        printed = work / "chromium" / source.stem
        printed.mkdir(parents=True, exist_ok=True)
        pdf = printed_pdf(source, printed)
        scan(pdf, dpi, damage, folder / f"{source.stem}.pdf", random.Random(f"{source.stem}{dpi}{damage}"))
    return score(extract(folder), sources)


# ---------------------------------------------------------------- scanning


def scan(pdf: Path, dpi: int, damage: str, out: Path, rng: random.Random) -> None:
    document = pypdfium2.PdfDocument(pdf)
    pages = [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    document.close()
    kinds = {"skew", "grey", "seal", "jpeg"} if damage == "all" else {damage}
    stamped = len(pages) // 2  # a middle page, which in these reports holds tables
    damaged = [_damage(page, kinds, dpi, rng, seal=i == stamped) for i, page in enumerate(pages)]
    damaged[0].save(out, save_all=True, append_images=damaged[1:], resolution=dpi, quality=75)


def _damage(page: Image.Image, kinds: set[str], dpi: int, rng: random.Random, seal: bool) -> Image.Image:
    if "seal" in kinds and seal:
        page = _seal(page, dpi)
    if "grey" in kinds:
        page = _grey(page, rng)
    if "skew" in kinds:
        angle = rng.uniform(0.5, 1.5) * rng.choice((-1, 1))
        page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=page.getpixel((2, 2)))
    if "jpeg" in kinds:
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=25)
        page = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return page


def _grey(page: Image.Image, rng: random.Random) -> Image.Image:
    """Paper at 75–85 % white, lit unevenly from one side, with speckle."""
    width, height = page.size
    level = rng.uniform(0.75, 0.85)
    shade = Image.linear_gradient("L").rotate(90).resize((width, height))
    light = Image.eval(shade, lambda v: int(255 * (level - 0.06 * v / 255)))
    # Speckle from the scan's own seed (PIL's effect_noise draws from an unseeded generator), so that a
    # report is scanned alike in every run on a machine.
    speckle = np.random.default_rng(rng.getrandbits(32)).normal(128, 18, (height, width))
    noise = Image.fromarray(speckle.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    paper = Image.merge("RGB", [Image.blend(light, noise, 0.12)] * 3)
    return ImageChops.multiply(page, paper)


def _seal(page: Image.Image, dpi: int) -> Image.Image:
    """A round red seal (ring, star, a line of characters) stamped over the lower right of the page."""
    size = int(1.6 * dpi)  # 4 cm
    stamp = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(stamp)
    ring = size // 30
    draw.ellipse((ring, ring, size - ring, size - ring), outline=SEAL_RED, width=ring)
    draw.polygon(_star(size / 2, size / 2, size / 7), fill=SEAL_RED)
    font = ImageFont.truetype(str(FONT), size // 12)
    draw.text((size / 2, size * 0.7), "政府信息公开专用章", font=font, fill=SEAL_RED, anchor="mm")
    x, y = page.width - size - dpi, page.height - size - dpi
    region = page.crop((x, y, x + size, y + size))
    page.paste(ImageChops.multiply(region, stamp), (x, y))
    return page


def _star(x: float, y: float, radius: float) -> list[tuple[float, float]]:
    points = []
    for k in range(10):
        r = radius if k % 2 == 0 else radius * 0.4
        angle = math.pi / 2 + k * math.pi / 5
        points.append((x + r * math.cos(angle), y - r * math.sin(angle)))
    return points


# ---------------------------------------------------------------- reading and scoring


def extract(folder: Path) -> tuple[list[dict], float, float, int]:
    pdfs = sorted(folder.glob("*.pdf"))
    start, cpu = time.monotonic(), _children_cpu()
    run = subprocess.run(
        [sys.executable, "-m", "metrics", "extract", "--json", *map(str, pdfs)],
        capture_output=True,
        text=True,
    )
    seconds, cpu_seconds = time.monotonic() - start, _children_cpu() - cpu
    (folder / "predictions.jsonl").write_text(run.stdout, encoding="utf-8")
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return lines, seconds, cpu_seconds, sum(page_count(p) for p in pdfs)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def score(extracted: tuple[list[dict], float, float, int], sources: list[Path]) -> Score:
    predictions, seconds, cpu_seconds, pages = extracted
    by_stem = {Path(p["file"]).stem: p for p in predictions}
    score = Score(pages=pages, seconds=seconds, cpu_seconds=cpu_seconds)
    for source in sources:
        prediction = by_stem.get(source.stem, {})
        if prediction.get("status") != "ok":
            score.failed.append(f"{source.stem}: {prediction.get('reason', 'no output')}")
        got = prediction.get("metrics") or {}
        for metric, want in reference_figures(source).items():
            if want is None:
                continue
            score.total += 1
            if got.get(metric) is None:
                score.misses.append(f"{source.stem}: {metric} want {want} got nothing")
            elif zoo.close(got[metric], want, metric):
                score.found += 1
            else:
                score.wrong += 1
                score.misses.append(f"{source.stem}: {metric} want {want} got {got[metric]} (WRONG)")
    return score
