"""Scanned reports read by OCR, end to end: development reports printed by Chromium, rendered at 150 dpi
with every damage at once (skew, grey unevenly lit paper, a red seal, JPEG quality 25), wrapped as
image-only PDFs, read by `ogi extract --json` and scored against their hand-checked truth files
(tests/scans.py; scripts/scanned_corpus.py runs every report, dpi and damage kind).

Two reports only (16 pages; the seal of one lies over a table continued from the page before), to keep
the run near 90 CPU seconds: about a minute on two idle cores. Runs where the development corpus lies beside the project (../shared/corpus/dev) and
Chromium and the OCR engine are installed; skipped with the reason elsewhere.
"""

from __future__ import annotations

import conversion_zoo as zoo
import pytest
import scans

REPORTS = ("pt-006", "pt-007")
# A regression guard well under what these two reports read today: 0.902 of 102 values, alike in every
# run here (the print runs at a fixed clock, the damage from a fixed seed). The same code reads
# differently on another machine's OCR engine: with the code before cells were read a second time black on
# white, the same scans read 0.843 here and 0.774 on CI, whose misses were all cells holding 0.
# A cell OCR cannot read is left out, never read as 0: its row's total does not fill it in (the
# report's own sums may not hold); reading it as 0 gave wrong figures where it held 1.
RECALL_FLOOR = 0.80
PRECISION_FLOOR = 0.99  # a wrong figure is worse than a missing one

SOURCES = [s for s in zoo.dev_sources() if s.stem in REPORTS]
pytestmark = [
    pytest.mark.skipif(
        len(SOURCES) < len(REPORTS),
        reason=f"the development corpus ({', '.join(REPORTS)}) is not at {zoo.DEV}",
    ),
    *scans.needs_scanning_tools(),
]


@pytest.fixture(scope="module")
def score(tmp_path_factory) -> scans.Score:
    return scans.read_scans(SOURCES, 150, "all", tmp_path_factory.mktemp("scans"))


def test_every_damaged_scan_is_read(score):
    assert not score.failed


def test_scans_at_150_dpi_with_all_damage_keep_their_recall(score):
    assert score.recall >= RECALL_FLOOR, "\n".join(score.misses)


def test_scans_at_150_dpi_with_all_damage_yield_no_wrong_figures_beyond_one_in_a_hundred(score):
    assert score.precision >= PRECISION_FLOOR, "\n".join(m for m in score.misses if "WRONG" in m)
