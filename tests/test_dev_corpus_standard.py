"""Scores the standard extractor against the hand-checked dev reports (std-*, pt-*) when they exist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metrics.extract_standard import extract_standard
from metrics.readers import read_document
from metrics.templates.standard import ORGANISATION_COLUMNS

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
# What the dev files gave when these were set; see the misses printed by the test.
MIN_RECALL = 0.98
MIN_PRECISION = 0.995


def comparable(facts) -> dict[str, float]:
    """The 总计 figures, plus the figures the truth derives from section 三 cells (computed elsewhere
    in the product from these same facts)."""
    out = {f.metric_id: f.value for f in facts if f.column == "total" and f.value is not None}
    cell = {(f.metric_id, f.column): f.value for f in facts if f.value is not None}
    if ("requests_new", "natural_person") in cell:
        out["requests_new_natural_person"] = cell[("requests_new", "natural_person")]
    if all(("requests_new", c) in cell for c in ORGANISATION_COLUMNS):
        out["requests_new_legal_person"] = sum(cell[("requests_new", c)] for c in ORGANISATION_COLUMNS)
    if "lit_direct_total" in out and "lit_after_review_total" in out:
        out["litigation_total"] = out["lit_direct_total"] + out["lit_after_review_total"]
    return out


def truth_files() -> list[Path]:
    return sorted(p for pattern in ("std-*.truth.json", "pt-*.truth.json") for p in DEV.glob(pattern))


@pytest.mark.skipif(not truth_files(), reason=f"the dev corpus is not available at {DEV}")
def test_standard_extraction_finds_the_checked_figures_of_the_dev_reports():
    found = wrong = total = 0
    misses = []
    for path in truth_files():
        truth = json.loads(path.read_text(encoding="utf-8"))
        facts, _ = extract_standard(read_document(DEV / truth["file"]), truth["format"])
        got = comparable(facts)
        for metric, want in truth["metrics"].items():
            if want is None:
                continue
            total += 1
            if metric not in got:
                misses.append(f"{truth['file']}: {metric} want {want}, got nothing")
            elif abs(got[metric] - want) <= 0.011:
                found += 1
            else:
                wrong += 1
                misses.append(f"{truth['file']}: {metric} want {want}, got {got[metric]}")
    recall = found / total
    precision = found / (found + wrong) if found + wrong else 0.0
    print(f"\nrecall {recall:.3f} precision {precision:.3f} over {total} values")
    for miss in misses:
        print(miss)
    assert recall >= MIN_RECALL
    assert precision >= MIN_PRECISION
