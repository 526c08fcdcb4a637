from metrics.catalog import label, metrics
from metrics.templates import IDENTITIES


def test_every_sum_the_metric_dictionary_states_is_a_declared_identity():
    declared = {(i.left, frozenset(i.right)) for i in IDENTITIES if i.kind == "sum" and len(i.left) == 1}
    stated = {((m.metric_id,), frozenset(m.sum_of)) for m in metrics().values() if m.sum_of}
    assert len(stated) >= 7
    assert stated <= declared


def test_labels_come_in_both_languages_and_unknown_ids_fall_back_to_the_id():
    assert label("outcome_denied", "zh").startswith("不予公开")
    assert label("outcome_denied", "en") == "Refused (不予公开) total"
    assert label("no_such_metric") == "no_such_metric"
