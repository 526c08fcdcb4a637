"""The seed report of the project: a 2013 city bureau report in free prose."""

from pathlib import Path

import pytest

from metrics.extract import extract_document
from metrics.extract.legacy_prose import PROACTIVE_CATEGORY
from metrics.readers import read_document

# The repository root is parents[1]; shared/ sits beside it.
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ac3f2e1e814e9353.txt"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed report is not at {SEED}")


@pytest.fixture(scope="module")
def seed():
    return extract_document(read_document(SEED))


def test_seed_metadata_and_layout(seed):
    assert (seed.meta.agency, seed.meta.year, seed.format) == ("黑河市民政局", 2013, "legacy_prose")


def test_seed_figures(seed):
    # '今年依申请公开政府信息9条,不予公开政府信息1条': nine items disclosed on application, one refused;
    # the report never says how many requests it received. '未…发生行政复议和行政诉讼' is 0 and 0.
    assert seed.totals() == {
        "outcome_granted": 9,
        "outcome_denied": 1,
        "review_total": 0,
        "litigation_total": 0,
        "hearings": 2,
    }


def test_seed_lists_published_categories_without_a_total(seed):
    categories = {f.column: f.value for f in seed.facts if f.metric_id == PROACTIVE_CATEGORY}
    assert categories == {"民政工作动态信息": 119, "民政要闻": 491, "领导讲话": 7, "公告信息": 781}
    assert "proactive_items" not in seed.totals()


def test_seed_evidence_is_the_sentence(seed):
    denied = next(f for f in seed.facts if f.metric_id == "outcome_denied")
    assert "不予公开政府信息1条" in denied.evidence
