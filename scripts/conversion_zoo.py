"""Print the conversion zoo's table: every HTML report we have, converted by every installed converter,
read back by our extractor and scored against the figures of its HTML source (see tests/conversion_zoo.py).

usage: python scripts/conversion_zoo.py [--only NAME ...] [--keep DIR] [--show N] [--workers N] [--floors]

--floors also prints RECALL_FLOORS, FIXTURE_RECALL_FLOORS, PROSE_RECALL_FLOORS and CONFLICTS_TODAY for tests/test_conversion_zoo.py
as measured now (recall minus 0.01 over the development reports and the fixtures; conflicts over all sources).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import conversion_zoo as zoo  # noqa: E402 - lives in tests/, shared with the test


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", default=None, help="converter names (default: all)")
    ap.add_argument("--keep", type=Path, help="write the conversions here and keep them")
    ap.add_argument(
        "--show", type=int, default=0, help="list up to N errors, conflicts, misses per converter"
    )
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--floors", action="store_true", help="print the test's floor dicts as measured now")
    a = ap.parse_args()
    unknown = [n for n in a.only or [] if n not in zoo.CONVERTERS]
    if unknown:
        ap.error(f"unknown converter(s) {unknown}; known: {list(zoo.CONVERTERS)}")

    skipped = zoo.skipped()
    measured: dict[str, dict[str, zoo.Score]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = a.keep or Path(tmp)
        corpora = (
            ("dev", zoo.dev_sources()),
            ("wide", zoo.wide_sources()),
            ("fixtures", zoo.fixture_sources()),
            ("prose", zoo.prose_sources(Path(workdir) / "prose-sources")),
        )
        for corpus, sources in corpora:
            if not sources:
                print(f"{corpus}: no HTML sources (looked in {zoo.DEV if corpus == 'dev' else zoo.WIDE})\n")
                continue
            runs = zoo.run_zoo(sources, workdir / corpus, a.only, a.workers)
            scores = measured[corpus] = zoo.score(runs, {s.name: zoo.reference(s) for s in sources})
            print(zoo.table(scores, skipped, f"{corpus}: {len(sources)} HTML reports"))
            for name, s in scores.items():
                lines = [("error", e) for e in s.errors] + [("conflict", c) for c in s.conflicts]
                for kind, line in (lines + [("missed", m) for m in s.missed])[: a.show]:
                    print(f"  {name}: {kind}: {line}")
            print()
    if a.keep:
        print(f"conversions kept in {a.keep}")
    if a.floors:
        print_floors(measured)
    return 0


def print_floors(measured: dict[str, dict[str, zoo.Score]]) -> None:
    """The dicts at the top of tests/test_conversion_zoo.py, as this run measured them."""
    for corpus, title in (
        ("dev", "RECALL_FLOORS"),
        ("fixtures", "FIXTURE_RECALL_FLOORS"),
        ("prose", "PROSE_RECALL_FLOORS"),
    ):
        print(f"{title} = {{")
        for name, s in measured.get(corpus, {}).items():
            if s.recall is not None:
                floor = math.floor((s.recall - 0.01) * 1000 + 1e-6) / 1000
                print(f'    "{name}": {floor:.3f},  # today {s.recall:.3f}')
        print("}")
    print("CONFLICTS_TODAY = {")
    for name in zoo.CONVERTERS:
        n = sum(len(scores[name].conflicts) for scores in measured.values() if name in scores)
        if n:
            print(f'    "{name}": {n},')
    print("}")


if __name__ == "__main__":
    sys.exit(main())
