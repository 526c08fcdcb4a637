from metrics.catalog import metrics
from metrics.eras import LEGACY_SERIES, legacy_members, series_id
from metrics.templates.legacy_table import LEGACY_ROWS


def test_legacy_figures_join_their_standard_series():
    assert series_id("requests_new", "legacy_table") == "requests_new"
    assert series_id("outcome_denied", "legacy_prose") == "outcome_denied"
    assert series_id("unable_not_held", "legacy_table") == "unable_not_held"
    assert series_id("outcome_not_this_agency", "legacy_table") == "unable_not_held"
    assert series_id("denied_privacy", "legacy_table") == "denied_third_party"


def test_legacy_figures_without_counterpart_have_no_series():
    assert series_id("proactive_items", "legacy_prose") is None
    assert series_id("outcome_told_to_amend", "legacy_table") is None
    assert series_id("requests_in_person", "legacy_table") is None


def test_standard_figures_are_their_own_series_and_unknown_formats_have_none():
    assert series_id("unable_not_held", "std2019") == "unable_not_held"
    assert series_id("np_duplicate", "std2021") == "np_duplicate"
    assert series_id("requests_new", "unknown") is None


def test_a_series_lists_every_legacy_metric_that_feeds_it():
    assert set(legacy_members("unable_not_held")) == {"unable_not_held", "outcome_not_this_agency"}
    assert set(legacy_members("outcome_granted")) == {"outcome_granted", "outcome_already_public"}


def test_every_id_in_the_continuity_table_is_in_the_metric_dictionary():
    known = metrics()
    for c in LEGACY_SERIES:
        assert c.legacy_metric in known, c.legacy_metric
        assert c.series is None or c.series in known, c.series
        assert c.why


def test_legacy_metrics_are_listed_once():
    listed = [c.legacy_metric for c in LEGACY_SERIES]
    assert len(listed) == len(set(listed))
    table_metrics_with_std_namesakes = {r.metric_id for r in LEGACY_ROWS} & {
        m for m, info in metrics().items() if "std2019" in info.formats
    }
    assert table_metrics_with_std_namesakes <= set(listed)
