"""The demo corpus generator: coverage of layouts, file types and levels, honest truth, determinism."""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from metrics.catalog import metrics
from metrics.demo import generate_bulk, generate_corpus
from metrics.demo.generate import layout_for, legal_deadline, truth_dir_for
from metrics.readers import ReadError, read_document

LAYOUTS = {"legacy_prose", "legacy_table", "std2019", "std2021"}
TRUTH_KEYS = {
    "file",
    "agency",
    "region",
    "level",
    "year",
    "format",
    "title",
    "published",
    "metrics",
    "breaks_identity",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("demo")
    summary = generate_corpus(out)
    assert summary.seconds < 60
    truths = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(truth_dir_for(out).glob("*.truth.json"))
    ]
    return out, truths


def reports(truths: list[dict]) -> list[dict]:
    return [t for t in truths if "expected_error" not in t]


def test_corpus_is_about_six_hundred_files_with_a_truth_each(corpus):
    out, truths = corpus
    files = [p for p in out.iterdir() if p.name != "README.txt"]
    assert 550 <= len(files) <= 700
    assert sorted(t["file"] for t in truths) == sorted(p.name for p in files)
    assert all(TRUTH_KEYS <= set(t) for t in truths)


def test_readme_says_the_data_is_generated(corpus):
    out, _ = corpus
    readme = (out / "README.txt").read_text(encoding="utf-8")
    assert "GENERATED DEMO DATA" in readme and "虚构" in readme


def test_at_least_forty_agencies_at_all_four_levels(corpus):
    _, truths = corpus
    assert len({t["agency"] for t in truths}) >= 40
    assert {t["level"].removesuffix("_department") for t in truths} == {
        "province",
        "city",
        "county",
        "township",
    }
    kinds = " ".join({t["agency"] for t in truths})
    for kind in (
        "人民政府",
        "发展和改革委员会",
        "公安局",
        "自然资源局",
        "生态环境局",
        "教育局",
        "卫生健康委员会",
        "市场监督管理局",
        "人力资源和社会保障局",
        "镇人民政府",
        "街道办事处",
    ):
        assert kind in kinds


def test_every_layout_and_file_type_is_present(corpus):
    _, truths = corpus
    assert {t["format"] for t in reports(truths)} == LAYOUTS
    assert {t["file"].rsplit(".", 1)[1] for t in truths} == {"txt", "html", "docx", "pdf"}
    for layout in LAYOUTS:
        types = {t["file"].rsplit(".", 1)[1] for t in reports(truths) if t["format"] == layout}
        assert types == {"txt", "html", "docx", "pdf"}, layout


def test_pdf_and_docx_are_each_about_a_tenth(corpus):
    _, truths = corpus
    counts = Counter(t["file"].rsplit(".", 1)[1] for t in truths)
    for file_type in ("pdf", "docx"):
        assert 0.05 <= counts[file_type] / len(truths) <= 0.16


def test_years_cover_2010_to_2025_with_gaps(corpus):
    _, truths = corpus
    assert {t["year"] for t in truths} == set(range(2010, 2026))
    years_by_agency = Counter(t["agency"] for t in truths)
    assert min(years_by_agency.values()) < 16


def test_layout_follows_the_era_with_a_few_early_and_late_adopters(corpus):
    _, truths = corpus
    off_era = [t for t in reports(truths) if t["format"] != layout_for(t["year"], "on_time")]
    assert 0 < len(off_era) < len(truths) * 0.15
    assert layout_for(2014, "early") == "legacy_table" and layout_for(2019, "late") == "legacy_table"
    assert layout_for(2021, "late") == "std2019"


def test_most_reports_are_published_before_the_deadline_and_some_late(corpus):
    _, truths = corpus
    late = [t for t in truths if date.fromisoformat(t["published"]) > legal_deadline(t["year"])]
    assert 0 < len(late) < len(truths) * 0.12
    assert legal_deadline(2018) == date(2019, 3, 31) and legal_deadline(2019) == date(2020, 1, 31)


def test_truth_uses_only_metric_ids_of_the_dictionary(corpus):
    _, truths = corpus
    known = set(metrics())
    used = {metric for t in truths for metric in t["metrics"]}
    assert used <= known
    for t in reports(truths):
        allowed = {
            m for m in t["metrics"] if metrics()[m].formats == "all" or t["format"] in metrics()[m].formats
        }
        assert allowed == set(t["metrics"]), t["file"]


def test_identities_hold_except_where_broken_on_purpose(corpus):
    _, truths = corpus
    broken = [t for t in reports(truths) if t["breaks_identity"]]
    assert 0 < len(broken) < len(truths) * 0.1
    for t in reports(truths):
        m = t["metrics"]
        if t["format"] in ("std2019", "std2021"):
            balance = (
                m["requests_new"] + m["requests_carried_over"]
                == m["outcome_total"] + m["requests_carried_forward"]
            )
            parts = sum(
                m[k]
                for k in (
                    "outcome_granted",
                    "outcome_partial",
                    "outcome_denied",
                    "outcome_unable",
                    "outcome_not_processed",
                    "outcome_other",
                )
            )
            assert (balance and parts == m["outcome_total"]) != t["breaks_identity"], t["file"]
            assert m["review_total"] == sum(
                m[f"review_{k}"] for k in ("upheld", "corrected", "other", "pending")
            )
            assert m["litigation_total"] == m["lit_direct_total"] + m["lit_after_review_total"]
        if t["format"] == "legacy_table":
            channels = sum(
                m[k] for k in ("requests_in_person", "requests_fax", "requests_online", "requests_letter")
            )
            assert (channels == m["requests_new"]) != t["breaks_identity"], t["file"]


def test_requests_grow_over_the_decade_and_refusals_stay_small(corpus):
    _, truths = corpus
    by_year = Counter()
    for t in reports(truths):
        by_year[t["year"]] += t["metrics"].get("requests_new", 0)
    assert by_year[2024] > 2 * by_year[2012]
    standard = [t["metrics"] for t in reports(truths) if t["format"] in ("std2019", "std2021")]
    denied = sum(m["outcome_denied"] for m in standard)
    assert 0 < denied < 0.1 * sum(m["outcome_total"] for m in standard)


def test_every_report_reads_and_the_broken_files_fail(corpus):
    out, truths = corpus
    expected = Counter(t.get("expected_error", "") for t in truths)
    assert {"empty", "corrupt", "not_a_zip", "not_a_report"} <= set(expected)
    for t in truths:
        error = t.get("expected_error", "")
        if error in ("empty", "corrupt", "not_a_zip"):
            with pytest.raises(ReadError):
                read_document(out / t["file"])
        else:
            assert read_document(out / t["file"]).text


def test_index_lists_every_file(corpus):
    out, truths = corpus
    with (truth_dir_for(out) / "index.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["file"] for r in rows) == sorted(t["file"] for t in truths)


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    runs = {}
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        generate_corpus(tmp_path / name, n_agencies=8, years=range(2013, 2023), seed=seed)
        runs[name] = {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())}
    assert runs["a"] == runs["b"]
    assert runs["a"] != runs["c"]


def test_bulk_streams_the_requested_number_of_text_and_html_reports(tmp_path):
    summary = generate_bulk(tmp_path / "bulk", 120, seed=3)
    assert summary.files == 120
    assert set(summary.by_type) == {"txt", "html"}
    assert len(list(truth_dir_for(tmp_path / "bulk").glob("*.truth.json"))) == 120
