"""Truth-free figures of the wide real corpus (tests/corpus/wide), per layout.

For every report: is the layout the one the index records, is the year the one its title prints, is
the agency the one its title names (where the excerpt shows it); for standard-layout reports, the
share of the template's 总计 cells read and whether every declared identity holds (or the report's
own figures are flagged). Where a report has a hand-checked truth file, it is scored as the product
is measured. Usage: python scripts/wide_corpus.py [--json]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from metrics.extract import extract_file
from metrics.normalize import compact
from metrics.templates import SECTION4_COLUMNS, SECTION4_GROUPS, section2_cells, section3_rows

WIDE = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "wide"
STANDARD = ("std2019", "std2021")
_REPORT_WORDS = re.compile(r"(19|20)\d\d年?度?|政府信息公开|政务公开|信息公开|工作|年度|报告|年报|情况")


@dataclass
class Tally:
    files: int = 0
    layout_ok: int = 0
    year_ok: int = 0
    year_n: int = 0
    agency_ok: int = 0
    agency_n: int = 0
    cells_read: int = 0
    cells_declared: int = 0
    identities_hold: int = 0
    truth_found: int = 0
    truth_wrong: int = 0
    truth_total: int = 0
    misses: list[str] = field(default_factory=list)


def template_cells(layout: str) -> set[str]:
    """The 总计-column metrics a complete report of this layout prints."""
    cells = {c.metric_id for c in section2_cells(layout)} | {r.metric_id for r in section3_rows(layout)}
    return cells | {f"{g}_{c}" for g, _ in SECTION4_GROUPS for c, _ in SECTION4_COLUMNS}


def same_agency(got: str, want: str) -> bool:
    return bool(got) and _REPORT_WORDS.sub("", compact(got)) == _REPORT_WORDS.sub("", compact(want))


def score_file(row: dict[str, str], folder: Path, tally: Tally) -> None:
    ex = extract_file(str(folder / row["file"]))
    got = ex.totals()
    tally.files += 1
    tally.layout_ok += ex.format == row["layout"]
    if row["year"]:
        tally.year_n += 1
        tally.year_ok += str(ex.meta.year) == row["year"]
    if row["agency"] and not row["agency"].startswith(("(", "（")):
        tally.agency_n += 1
        ok = same_agency(ex.meta.agency, row["agency"])
        tally.agency_ok += ok
        if not ok:
            tally.misses.append(f"{row['file']}: agency want {row['agency']} got {ex.meta.agency or '-'}")
    if row["layout"] in STANDARD:
        declared = template_cells(row["layout"])
        tally.cells_declared += len(declared)
        tally.cells_read += len(declared & set(got))
        tally.identities_hold += not any(f.code.startswith("identity:") for f in ex.flags)
    truth_path = folder / row["file"].replace(Path(row["file"]).suffix, ".truth.json")
    if truth_path.exists():
        score_truth(json.loads(truth_path.read_text(encoding="utf-8")), got, tally)


def score_truth(truth: dict, got: dict[str, float], tally: Tally) -> None:
    for metric, want in (truth.get("metrics") or {}).items():
        if want is None:
            continue
        tally.truth_total += 1
        if metric not in got:
            continue
        tolerance = 0.011 if "yuan" in metric else 1e-9
        if abs(got[metric] - want) <= tolerance:
            tally.truth_found += 1
        else:
            tally.truth_wrong += 1
            tally.misses.append(f"{truth['file']}: {metric} want {want} got {got[metric]} WRONG")


def tallies() -> dict[str, Tally]:
    out: dict[str, Tally] = defaultdict(Tally)
    for index in sorted(WIDE.glob("*/index.csv")):
        for row in csv.DictReader(index.read_text(encoding="utf-8").splitlines()):
            score_file(row, index.parent, out[row["layout"]])
    return dict(out)


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(t: Tally) -> dict[str, float | int | None]:
    return {
        "files": t.files,
        "layout": ratio(t.layout_ok, t.files),
        "year": ratio(t.year_ok, t.year_n),
        "agency": ratio(t.agency_ok, t.agency_n),
        "agency_files": t.agency_n,
        "template_cells_read": ratio(t.cells_read, t.cells_declared),
        "identities_hold": ratio(t.identities_hold, t.files) if t.cells_declared else None,
        "truth_recall": ratio(t.truth_found, t.truth_total),
        "truth_precision": ratio(t.truth_found, t.truth_found + t.truth_wrong),
        "truth_values": t.truth_total,
    }


def main() -> None:
    results = tallies()
    if "--json" in sys.argv:
        print(json.dumps({layout: summary(t) for layout, t in results.items()}, ensure_ascii=False))
        return
    for layout, t in sorted(results.items()):
        print(layout, " ".join(f"{k}={v}" for k, v in summary(t).items()))
        for miss in t.misses:
            print("   ", miss)


if __name__ == "__main__":
    main()
