"""Copied-text detection speed (a benchmark that prints figures, not a test).

usage: python scripts/benchmark_similarity.py [--reports 100000] [--agencies 12500] [--workers 2]

Target: similarity over 100,000 reports within 10 minutes on 2 cores. The reports are invented in
memory: each has the template's sentences, a statistics paragraph, table rows and six to ten
sentences of its own words (about 1,500 characters in all); one in a hundred repeats its agency's text
of the year before. Prints the time of each stage (prose and boilerplate, MinHash signatures, LSH
index, queries), the pairs found, and how many planted copies were among them.
"""

from __future__ import annotations

import argparse
import random
import time

import pandas as pd

from metrics import similarity

TEMPLATE = (
    "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。"
    "报告所列数据的统计期限自1月1日起至12月31日止。\n"
)
TABLE = "".join(f"{i}.属于某类情形 | 3 | 0 | 1 | 0 | 0 | 2 | 6\n" for i in range(1, 30))
SYLLABLES = "政务公开平台建设服务群众办事指南专栏解读回应关切制度规范培训考核监督检查网站信息发布会议听证"


def words(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) + rng.choice(SYLLABLES) for _ in range(n))


def corpus(reports: int, agencies: int, seed: int = 7) -> tuple[pd.DataFrame, int]:
    rng = random.Random(seed)
    rows, planted = [], 0
    years = max(1, reports // agencies)
    for a in range(agencies):
        own = ""
        for y in range(2025 - years, 2025):
            if len(rows) == reports:
                break
            copy = bool(own) and rng.random() < 0.01
            if not copy:
                own = "。".join(words(rng, rng.randint(8, 14)) for _ in range(rng.randint(6, 10))) + "。"
            planted += copy
            stats = f"{y}年,主动公开政府信息{rng.randint(10, 5000)}条,收到申请{rng.randint(0, 900)}件。\n"
            rows.append(
                {
                    "report_id": f"r{a:06d}{y}",
                    "agency": f"机关{a}",
                    "region": f"某省某市{a % 97}区",
                    "year": y,
                    "body_text": TEMPLATE + stats + TABLE + own,
                }
            )
    return pd.DataFrame(rows), planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=12_500)
    parser.add_argument("--workers", type=int, default=2, help="processes (the target is for 2 cores)")
    args = parser.parse_args()
    started = time.perf_counter()
    reports, planted = corpus(args.reports, args.agencies)
    print(
        f"{len(reports):,} reports invented in {time.perf_counter() - started:.1f} s ({planted} copies planted)"
    )
    started = time.perf_counter()
    pairs = similarity.compare(reports, workers=args.workers, timings=(stages := {})).pairs
    total = time.perf_counter() - started
    for stage, seconds in stages.items():
        print(f"  {stage}: {seconds:.1f} s")
    copies = pairs[(pairs["relation"] == "own_earlier") & (pairs["similarity"] >= similarity.DEFAULT_SHOWN)]
    print(
        f"similarity over {len(reports):,} reports: {total:.1f} s (target 600 s: {'ok' if total <= 600 else 'OVER'}); "
        f"{len(pairs):,} pairs from LSH, {len(copies)} own-text copies at {similarity.DEFAULT_SHOWN:.0%} or more "
        f"(planted {planted})"
    )


if __name__ == "__main__":
    main()
