"""Print how well scanned reports are read: the development corpus's HTML reports printed by Chromium,
rendered to page images at 150 and 300 dpi, damaged as scans are, wrapped as image-only PDFs, read by
`ogi extract --json` (OCR) and scored against their hand-checked truth files (tests/scans.py says how).

usage: python scripts/scanned_corpus.py [--dpi 150 300] [--damage clean skew ...] [--reports pt-001 ...]
                                      [--legacy] [--traditional] [--keep DIR] [--show N]

`--legacy` reads the legacy layouts instead: the development corpus's prose reports typed as pages
of paragraphs, and the project's legacy table fixture (scored against what its source gives).
`--traditional` writes the reports in traditional characters (OpenCC's s2t) before they are printed,
as sites that offer a traditional-character version of their pages do.

The PDFs are named after their source (pt-001.pdf for pt-001.html), one folder per condition.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import conversion_zoo as zoo  # noqa: E402 - lives in tests/, shared with the tests
import scans  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dpi", type=int, nargs="*", default=[300, 150])
    ap.add_argument("--damage", nargs="*", default=list(scans.DAMAGE), choices=scans.DAMAGE)
    ap.add_argument("--reports", nargs="*", help="source ids (pt-001 ...); default: all")
    ap.add_argument(
        "--legacy", action="store_true", help="the legacy layouts' reports (leg-*, the table fixture) instead"
    )
    ap.add_argument(
        "--traditional", action="store_true", help="the reports written in traditional characters"
    )
    ap.add_argument("--keep", type=Path, help="write the PDFs and predictions here and keep them")
    ap.add_argument("--show", type=int, default=0, help="list up to N misses and wrong values per condition")
    a = ap.parse_args()
    sources = [
        s
        for s in (scans.legacy_sources() if a.legacy else zoo.dev_sources())
        if not a.reports or s.stem in a.reports
    ]
    if not sources:
        print(f"no HTML reports with truth in {zoo.DEV}")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = a.keep or Path(tmp)
        if a.traditional:
            sources = [scans.in_traditional_characters(s, work / "traditional") for s in sources]
        print(f"{len(sources)} reports")
        print(
            f"{'dpi':>4} {'damage':<6} {'recall':>7} {'precision':>9} {'values':>7} {'pages':>5} {'s/page':>7} "
            f"{'cpu s/page':>10}  failed"
        )
        for dpi in a.dpi:
            for damage in a.damage:
                s = scans.read_scans(sources, dpi, damage, work)
                print(
                    f"{dpi:>4} {damage:<6} {s.recall:>7.3f} {s.precision:>9.3f} {s.total:>7} {s.pages:>5} "
                    f"{s.seconds / max(s.pages, 1):>7.2f} {s.cpu_seconds / max(s.pages, 1):>10.2f}  "
                    f"{', '.join(s.failed) or '-'}",
                    flush=True,
                )
                for line in s.misses[: a.show]:
                    print(f"      {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
