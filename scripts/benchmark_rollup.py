"""Regional roll-up speed (a benchmark that prints figures, not a test).

usage: python scripts/benchmark_rollup.py [--agencies 5000] [--db FILE]

Target: the roll-up of 5,000 agencies within 5 s. The database holds every agency's 2021 and 2022
reports with every cell of the 2021 tables filled with random figures (so the sum touches all of
them, and its identities break), spread over 20 cities of one province; the roll-up of the province's 2022 is timed, from the named queries to the
checked identities, then the workbook and Word document are built and timed on their own. The time to
open the snapshot (the dashboard's once per database version) is printed apart.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from metrics import queries
from metrics.models import Extraction, Fact, Metadata
from metrics.rollup import compute, files, layout
from metrics.store import Attempt, open_for_writing

PROVINCE = "某省"
TARGET_SECONDS = 5.0


def extraction(agency: int, year: int, rng: random.Random) -> Extraction:
    facts = [Fact(metric, float(rng.randint(0, 50)), column) for metric, column in sorted(layout.CELLS)]
    meta = Metadata(
        title=f"机关{agency}{year}年政府信息公开工作年度报告",
        agency=f"机关{agency:05d}",
        region=f"{PROVINCE}第{agency % 20}市",
        level="county_department",
        year=year,
        published=f"{year + 1}-01-20",
    )
    return Extraction(path=f"/bench/{agency}/{year}.txt", format="std2021", meta=meta, facts=facts)


def build(path: Path, agencies: int) -> None:
    rng = random.Random(11)
    started = time.perf_counter()
    with open_for_writing(path) as writer:
        for year in (2021, 2022):
            attempts = [
                Attempt(
                    f"/bench/{a}/{year}.txt",
                    f"{a:08d}{year}",
                    "ok",
                    "benchmark",
                    extraction(a, year, rng),
                    f"{a:012d}{year}",
                    "局",
                    "",
                    "utf-8",
                )
                for a in range(agencies)
            ]
            writer.write(attempts)
    print(f"database of {agencies} agencies x 2 years built in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or build once) this database file")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "rollup.duckdb"
    if not db.exists():
        build(db, args.agencies)
    started = time.perf_counter()
    con = queries.open_snapshot(db)
    print(f"snapshot opened in {time.perf_counter() - started:.2f} s (once per database version)")
    selection = compute.Selection(PROVINCE, 2022)
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        result = compute.compute(con, selection)
        runs.append(time.perf_counter() - started)
    verdict = "ok" if max(runs) <= TARGET_SECONDS else "OVER"
    print(
        f"roll-up of {len(result.reports)} agencies ({len(result.values)} cells, "
        f"{len(result.breaks)} identity breaks): {', '.join(f'{s:.2f}' for s in runs)} s "
        f"(target {TARGET_SECONDS:.0f} s: {verdict})"
    )
    for name, write in (("workbook", files.to_xlsx_bytes), ("Word document", files.to_docx_bytes)):
        started = time.perf_counter()
        size = len(write(result))
        print(f"{name}: {size:,} bytes in {time.perf_counter() - started:.2f} s")
    con.close()


if __name__ == "__main__":
    main()
