from metrics.models import Fact
from metrics.validation import check_identities, check_text_against_table


def _section3(new: int, carried: int, granted: int, unable: int, forward: int) -> list[Fact]:
    total = granted + unable
    rows = {"requests_new": new, "requests_carried_over": carried, "outcome_granted": granted,
            "outcome_partial": 0, "outcome_denied": 0, "outcome_unable": unable, "unable_not_held": unable,
            "unable_needs_creation": 0, "unable_unclear": 0, "outcome_not_processed": 0,
            "outcome_other": 0, "outcome_total": total, "requests_carried_forward": forward}
    return [Fact(m, v) for m, v in rows.items()]


def test_consistent_section3_raises_no_flag():
    assert check_identities(_section3(new=10, carried=2, granted=7, unable=3, forward=2), "std2019") == []


def test_balance_failure_names_identity_and_numbers():
    flags = check_identities(_section3(new=10, carried=2, granted=7, unable=3, forward=5), "std2019")
    assert [f.code for f in flags] == ["identity:std_balance"]
    assert "12" in flags[0].message and "15" in flags[0].message


def test_parent_row_not_equal_to_its_sub_rows_is_flagged():
    facts = _section3(new=10, carried=0, granted=7, unable=3, forward=0)
    facts = [Fact("unable_not_held", 2) if f.metric_id == "unable_not_held" else f for f in facts]
    codes = {f.code for f in check_identities(facts, "std2019")}
    assert codes == {"identity:std_outcome_unable_parts"}


def test_requester_columns_must_add_up_to_total():
    cols = {"natural_person": 5, "commercial": 1, "research": 0, "public_interest": 0, "legal_service": 0,
            "other_org": 0, "total": 7}
    facts = [Fact("requests_new", v, column=c) for c, v in cols.items()]
    flags = check_identities(facts, "std2021")
    assert [(f.code, f.metric_id) for f in flags] == [("identity:std_columns", "requests_new")]


def test_identity_with_an_unread_figure_is_not_judged():
    facts = [Fact("review_total", 3), Fact("review_upheld", 1), Fact("review_corrected", 1)]
    assert check_identities(facts, "std2019") == []


def test_section4_total_checked():
    facts = [Fact("review_upheld", 1), Fact("review_corrected", 1), Fact("review_other", 0),
             Fact("review_pending", 0), Fact("review_total", 3)]
    assert [f.code for f in check_identities(facts, "std2021")] == ["identity:std_review_total"]


def test_legacy_table_channels_identity():
    facts = [Fact("requests_new", 9), Fact("requests_in_person", 2), Fact("requests_fax", 0),
             Fact("requests_online", 5), Fact("requests_letter", 1)]
    assert [f.code for f in check_identities(facts, "legacy_table")] == ["identity:legacy_requests_channels"]


def test_prose_count_differing_from_table_is_flagged_and_approximate_is_not():
    table = [Fact("requests_new", 859)]
    flags = check_text_against_table(table, [Fact("requests_new", 860, evidence="共受理申请860件")])
    assert [f.code for f in flags] == ["text_vs_table"]
    assert check_text_against_table(table, [Fact("requests_new", 800, approximate=True)]) == []


def test_prose_count_that_includes_carried_over_requests_agrees_with_the_table():
    table = [Fact("requests_new", 713), Fact("requests_carried_over", 36)]
    assert check_text_against_table(table, [Fact("requests_new", 749, evidence="共受理申请749件")]) == []
