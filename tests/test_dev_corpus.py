"""The hand-checked development corpus, scored exactly as the product is measured:
`ogi extract --json` over every file, then the shared scoring tool, per layout family."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from metrics.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
SCORE = SHARED / "tools" / "score.py"

pytestmark = pytest.mark.skipif(
    not (DEV.is_dir() and SCORE.is_file()),
    reason=f"the development corpus and its scoring tool are not at {SHARED}",
)

# (truth files, minimum recall, minimum precision): set at what the extractors reach, so a regression fails.
FAMILIES = {
    "standard": (("std-*.truth.json", "pt-*.truth.json"), 0.98, 0.999),
    "legacy": (("leg-*.truth.json",), 0.95, 0.99),
}


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    files = sorted(str(p) for p in DEV.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx"))
    result = CliRunner().invoke(main, ["extract", *files, "--json"])
    out = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    out.write_text(result.output, encoding="utf-8")
    return out


@pytest.mark.parametrize("family", FAMILIES)
def test_dev_reports_meet_recall_precision_and_read_every_year(family, predictions, tmp_path):
    patterns, min_recall, min_precision = FAMILIES[family]
    for pattern in patterns:
        for truth in DEV.glob(pattern):
            shutil.copy(truth, tmp_path / truth.name)
    run = subprocess.run(
        [
            sys.executable,
            str(SCORE),
            str(tmp_path),
            str(predictions),
            "--label",
            family,
            "--show",
            "200",
            "--min-recall",
            str(min_recall),
            "--min-precision",
            str(min_precision),
        ],
        capture_output=True,
        text=True,
    )
    print(run.stdout)
    assert run.returncode == 0, run.stdout
    years = re.search(r"year (\d+)/(\d+)", run.stdout)
    assert years and years.group(1) == years.group(2), run.stdout
