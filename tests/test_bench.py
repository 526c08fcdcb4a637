"""`ogi bench` end to end on one small generated store: it finishes and its last line is the JSON
summary with every figure the benchmark promises."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.mark.bench
def test_bench_on_a_small_store_ends_with_its_figures_as_one_json_line(tmp_path):
    env = os.environ | {"PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "metrics",
            "bench",
            "--max-reports",
            "2000",
            "--out",
            str(tmp_path),
            "--repeat",
            "1",
            "--ingest-pages",
            "10",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert {
        "reports",
        "query_p95_ms",
        "page_render_s",
        "ingest_reports_per_s",
        "db_mb",
        "peak_rss_mb",
    } <= set(result)
    assert result["reports"] == [2000]
    assert {"coverage_map", "outcomes_by_year", "trend_series"} <= set(result["query_p95_ms"]["2000"])
    assert {"overview", "requests", "quality"} <= set(result["page_render_s"]["2000"])
    assert set(result["ingest_reports_per_s"]) >= {"1"}
    assert result["naive"]["2000"]["ratio"] > 0


def test_a_scenario_sets_the_sidebar_filters_but_keeps_the_agencies_a_page_chose_itself():
    from metrics.bench import Recorded, scenario_params

    compare = Recorded("agency_year_rates", {"year_from": 2019, "agencies": ["甲局", "乙局"]})
    overview = Recorded("requests_by_year", {"year_from": 2019, "agencies": []})
    scenario = {"year_from": 2015, "agencies": ["丙局"], "regions": ["某省"]}
    assert scenario_params(compare, scenario) == {
        "year_from": 2015,
        "agencies": ["甲局", "乙局"],
        "regions": ["某省"],
    }
    assert scenario_params(overview, scenario)["agencies"] == ["丙局"]


def test_the_copied_text_page_is_timed_last_since_its_comparison_runs_on_in_the_background():
    from metrics.bench import timed_in_order
    from metrics.dashboard.registry import PAGES

    order = [p.key for p in timed_in_order(PAGES)]
    assert order[-1] == "similar" and sorted(order) == sorted(p.key for p in PAGES)
