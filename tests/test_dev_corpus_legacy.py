"""The legacy extractors measured on the hand-checked legacy reports of the shared development corpus."""

import json
from pathlib import Path

import pytest

from metrics.extract_legacy_prose import extract_legacy_prose
from metrics.extract_legacy_table import extract_legacy_table
from metrics.readers import read_document

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
MIN_RECALL = 0.95
MIN_PRECISION = 0.99

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=f"the shared development corpus is not at {DEV}")


def legacy_totals(path: Path) -> dict[str, float]:
    """Table figures first, then figures the prose adds (as the product reads a legacy report)."""
    doc = read_document(path)
    table, _ = extract_legacy_table(doc)
    prose, _ = extract_legacy_prose(doc)
    out = {f.metric_id: f.value for f in prose if f.column == "total" and f.value is not None}
    out.update({f.metric_id: f.value for f in table if f.value is not None})
    return out


def test_legacy_reports_meet_recall_and_precision():
    found = wrong = total = 0
    misses = []
    for truth_file in sorted(DEV.glob("leg-*.truth.json")):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        got = legacy_totals(DEV / truth["file"])
        for metric_id, want in truth["metrics"].items():
            total += 1
            if metric_id not in got:
                misses.append(f"{truth['file']}: {metric_id} want {want} got nothing")
            elif abs(got[metric_id] - want) <= 0.011:
                found += 1
            else:
                wrong += 1
                misses.append(f"{truth['file']}: {metric_id} want {want} got {got[metric_id]}")
    assert total > 0, "no legacy truth files found"
    recall, precision = found / total, found / max(1, found + wrong)
    print(f"legacy dev corpus: recall {recall:.3f} precision {precision:.3f} over {total} values")
    print("\n".join(misses))
    assert recall >= MIN_RECALL, misses
    assert precision >= MIN_PRECISION, misses
