"""Scanned reports in the two legacy layouts, read by OCR end to end (tests/scans.py says how): the
project's legacy table fixture printed by Chromium, and two of the development corpus's prose reports
typed as pages of paragraphs, rendered at 150 dpi with every damage at once (skew, grey unevenly lit
paper, a red seal, JPEG quality 25), wrapped as image-only PDFs and read by `ogi extract --json`.

The table is scored against what its source gives, the prose reports against their hand-checked
truth files. Five pages in all, about 25 CPU seconds. Runs where Chromium, the Noto CJK font and the
OCR engine are installed; the prose reports also need the development corpus (../shared/corpus/dev).
"""

from __future__ import annotations

import pytest
import scans

# Regression guards under what each set reads today. The table misses today: the four
# 举报投诉 rows (its zeros come back unsure) and one label the engine misreads (专门 as 专內).
# today 0.919 of 62 values in four runs and 0.774 in one, of the same code: each print differs
# (Chromium's header carries the clock) and borderline cells move with it
TABLE_RECALL_FLOOR = 0.75
PROSE_REPORTS = ("leg-011", "leg-012")
PROSE_RECALL_FLOOR = 0.9  # today 1.000 (14 values): one figure may come and go between prints
PRECISION_FLOOR = 0.99  # a wrong figure is worse than a missing one

pytestmark = scans.needs_scanning_tools()
PROSE_SOURCES = [s for s in scans.legacy_sources() if s.stem in PROSE_REPORTS]
needs_prose = pytest.mark.skipif(
    len(PROSE_SOURCES) < len(PROSE_REPORTS),
    reason=f"the development corpus ({', '.join(PROSE_REPORTS)}) is not at {scans.zoo.DEV}",
)


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> scans.Score:
    return scans.read_scans([scans.LEGACY_TABLE_FIXTURE], 150, "all", tmp_path_factory.mktemp("table"))


@pytest.fixture(scope="module")
def prose(tmp_path_factory) -> scans.Score:
    return scans.read_scans(PROSE_SOURCES, 150, "all", tmp_path_factory.mktemp("prose"))


def test_a_scanned_legacy_table_keeps_its_recall_against_its_source(table):
    assert not table.failed and table.total > 50
    assert table.recall >= TABLE_RECALL_FLOOR, "\n".join(table.misses)


def test_a_scanned_legacy_table_yields_no_wrong_figures(table):
    assert table.precision >= PRECISION_FLOOR, "\n".join(m for m in table.misses if "WRONG" in m)


@needs_prose
def test_scanned_legacy_prose_reports_keep_their_recall(prose):
    assert prose.total > 10
    assert prose.recall >= PROSE_RECALL_FLOOR, "\n".join(prose.misses)


@needs_prose
def test_scanned_legacy_prose_reports_yield_no_wrong_figures(prose):
    assert prose.precision >= PRECISION_FLOOR, "\n".join(m for m in prose.misses if "WRONG" in m)
