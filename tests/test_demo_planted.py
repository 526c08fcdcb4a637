"""The demo corpus's planted reports (metrics.demo.planted) through the real ingest: every copy and the
100-fold jump is found, and the checks flag few reports that were not built to trigger them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from metrics import queries, similarity
from metrics.demo import planted
from metrics.ingest import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
DEMO, TRUTH = ROOT / "data" / "demo", ROOT / "data" / "demo_truth"
# The bound: no more than 2 % of the reports not built to trigger a check may be flagged by it.
MOST_UNPLANTED_FLAGGED = 0.02


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    db = tmp_path_factory.mktemp("planted") / "demo.duckdb"
    ingest_paths([DEMO], db, workers=2)
    with queries.open_snapshot(db) as con:
        # As the dashboard runs it: the texts read a chunk at a time.
        texts = lambda: queries.rows_in_chunks(con, "report_texts", {}, similarity.CHUNK)  # noqa: E731
        pairs = similarity.compare(texts=texts, workers=2).pairs
        compared = {row[0] for chunk in texts() for row in chunk}
        flags = con.execute("SELECT * FROM anomalies ORDER BY ordinal").df()
        ids = {
            (file_path.rsplit("/", 1)[-1]): report_id
            for report_id, file_path in con.execute(
                "SELECT report_id, file_path FROM report_figures"
            ).fetchall()
        }
    with (TRUTH / "index.csv").open(encoding="utf-8") as handle:
        index = list(csv.DictReader(handle))
    plants = {ids[row["file"]]: row for row in index if row["planted"]}
    return pairs, flags, plants, compared


def planted_ids(plants, kind: str) -> list[str]:
    return [report_id for report_id, row in plants.items() if row["planted"] == kind]


def test_the_corpus_plants_each_case(found):
    _, _, plants, _ = found
    kinds = [row["planted"] for row in plants.values()]
    assert sorted(kinds) == sorted(
        [planted.COPY_SOURCE, planted.COPY_SOURCE, planted.COPIED_OWN, planted.COPIED_OTHER, planted.JUMP]
    )


def test_a_report_repeating_its_own_last_year_is_matched_with_it(found):
    pairs, _, plants, _ = found
    (copy,) = planted_ids(plants, planted.COPIED_OWN)
    match = pairs[(pairs["report_id"] == copy) & (pairs["relation"] == "own_earlier")]
    assert plants[match["match_id"].iloc[0]]["planted"] == planted.COPY_SOURCE
    assert match["similarity"].iloc[0] >= similarity.DEFAULT_SHOWN


def test_two_agencies_printing_one_text_are_matched_both_ways(found):
    pairs, _, plants, _ = found
    (copy,) = planted_ids(plants, planted.COPIED_OTHER)
    match = pairs[(pairs["report_id"] == copy) & (pairs["relation"] == "other_same_year")]
    source = match["match_id"].iloc[0]
    assert (
        plants[source]["agency"] != plants[copy]["agency"] and plants[source]["year"] == plants[copy]["year"]
    )
    back = pairs[(pairs["report_id"] == source) & (pairs["relation"] == "other_same_year")]
    assert back["match_id"].iloc[0] == copy and match["similarity"].iloc[0] >= similarity.DEFAULT_SHOWN


def test_the_hundredfold_jump_is_flagged_as_a_rise(found):
    _, flags, plants, _ = found
    (jump,) = planted_ids(plants, planted.JUMP)
    rises = flags[(flags["report_id"] == jump) & (flags["kind"] == "jump_up")]
    assert "requests_new" in set(rises["metric_id"])
    assert rises["factor"].min() >= 50


def test_few_reports_not_built_to_trigger_a_check_are_flagged_by_it(found):
    pairs, flags, plants, reports = found
    unplanted = reports - set(plants)
    copied = set(pairs.loc[pairs["similarity"] >= similarity.DEFAULT_SHOWN, "report_id"]) & unplanted
    anomalous = set(flags["report_id"]) & unplanted
    assert len(copied) <= MOST_UNPLANTED_FLAGGED * len(unplanted), copied
    assert len(anomalous) <= MOST_UNPLANTED_FLAGGED * len(unplanted), anomalous
