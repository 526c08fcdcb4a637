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
# A regression guard under what these two reports read today: 0.843 and 0.824 of 102 values in two runs
# of the same code (each print differs: Chromium's header carries the clock, and the scan's JPEG blocks
# and OCR's borderline cells move with it). It was
# 0.91 while a cell OCR could not read was dropped and its row read as though it had lost a blank cell,
# 0: right where the cell held 0, wrong where it held 1 (pt-007 at 300 dpi read two figures wrong so).
# Such a cell is now left out; its row's total does not fill it in (the report's own sums may not hold).
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
