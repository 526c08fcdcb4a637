import pytest

from metrics.extract.legacy_prose import extract_legacy_prose
from metrics.extract.metadata import read_metadata
from metrics.extract.validation import check_identities, check_text_against_table
from metrics.models import Document, Fact


def _section3(new: int, carried: int, granted: int, unable: int, forward: int) -> list[Fact]:
    total = granted + unable
    rows = {
        "requests_new": new,
        "requests_carried_over": carried,
        "outcome_granted": granted,
        "outcome_partial": 0,
        "outcome_denied": 0,
        "outcome_unable": unable,
        "unable_not_held": unable,
        "unable_needs_creation": 0,
        "unable_unclear": 0,
        "outcome_not_processed": 0,
        "outcome_other": 0,
        "outcome_total": total,
        "requests_carried_forward": forward,
    }
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
    cols = {
        "natural_person": 5,
        "commercial": 1,
        "research": 0,
        "public_interest": 0,
        "legal_service": 0,
        "other_org": 0,
        "total": 7,
    }
    facts = [Fact("requests_new", v, column=c) for c, v in cols.items()]
    flags = check_identities(facts, "std2021")
    assert [(f.code, f.metric_id) for f in flags] == [("identity:std_columns", "requests_new")]


def test_identity_with_an_unread_figure_is_not_judged():
    facts = [Fact("review_total", 3), Fact("review_upheld", 1), Fact("review_corrected", 1)]
    assert check_identities(facts, "std2019") == []


def test_section4_total_checked():
    facts = [
        Fact("review_upheld", 1),
        Fact("review_corrected", 1),
        Fact("review_other", 0),
        Fact("review_pending", 0),
        Fact("review_total", 3),
    ]
    assert [f.code for f in check_identities(facts, "std2021")] == ["identity:std_review_total"]


def test_legacy_table_channels_identity():
    facts = [
        Fact("requests_new", 9),
        Fact("requests_in_person", 2),
        Fact("requests_fax", 0),
        Fact("requests_online", 5),
        Fact("requests_letter", 1),
    ]
    assert [f.code for f in check_identities(facts, "legacy_table")] == ["identity:legacy_requests_channels"]


def test_legacy_table_channels_identity_counts_an_email_row_where_one_is_printed():
    channels = [
        Fact("requests_in_person", 2),
        Fact("requests_fax", 0),
        Fact("requests_online", 5),
        Fact("requests_letter", 1),
    ]
    with_email = [Fact("requests_new", 9), *channels, Fact("requests_email", 1)]
    assert check_identities(with_email, "legacy_table") == []
    too_many = [Fact("requests_new", 9), *channels, Fact("requests_email", 3)]
    assert [f.code for f in check_identities(too_many, "legacy_table")] == [
        "identity:legacy_requests_channels"
    ]


def test_prose_count_differing_from_table_is_flagged_and_approximate_is_not():
    table = [Fact("requests_new", 859)]
    flags = check_text_against_table(table, [Fact("requests_new", 860, evidence="共受理申请860件")])
    assert [f.code for f in flags] == ["text_vs_table"]
    assert check_text_against_table(table, [Fact("requests_new", 800, approximate=True)]) == []


def test_prose_count_that_includes_carried_over_requests_agrees_with_the_table():
    table = [Fact("requests_new", 713), Fact("requests_carried_over", 36)]
    assert check_text_against_table(table, [Fact("requests_new", 749, evidence="共受理申请749件")]) == []


# --- parts stated in prose never add up to more than their total ----------------------------------


def _prose_flags(body: str) -> list:
    doc = Document(path="t.txt", text="示例县农业局2013年度政府信息公开工作报告\n" + body)
    facts, _ = extract_legacy_prose(doc, read_metadata(doc))
    return check_identities(facts, "legacy_prose")


def test_prose_answers_within_the_answered_total_raise_nothing():
    assert (
        _prose_flags(
            "共受理申请10件,其中当面申请2件,网上申请7件。在已经答复的9件申请中,同意公开的6件,"
            "部分公开的1件,不予公开的1件。行政复议案1件。"
        )
        == []
    )


def test_prose_answers_beyond_the_answered_total_are_flagged_with_both_numbers():
    flags = _prose_flags("在已经答复的5件申请中,同意公开的3件,部分公开的2件,不予公开的1件。")
    assert [f.code for f in flags] == ["identity:legacy_answers_within"]
    assert "申请答复数 5 <" in flags[0].message and "= 6" in flags[0].message


@pytest.mark.parametrize(
    "total, parts, code",
    [
        (
            ("outcome_denied", 1),
            [("denied_state_secret", 1), ("denied_privacy", 1)],
            "identity:legacy_denied_within",
        ),
        (
            ("review_total", 1),
            [("review_upheld", 1), ("review_corrected", 1)],
            "identity:legacy_review_within",
        ),
        (("litigation_total", 0), [("litigation_other", 1)], "identity:legacy_litigation_within"),
        (
            ("requests_new", 3),
            [("requests_online", 2), ("requests_letter", 2)],
            "identity:legacy_requests_channels_within",
        ),
    ],
)
def test_each_stated_part_list_beyond_its_total_raises_exactly_its_flag(total, parts, code):
    facts = [Fact(*total)] + [Fact(*p) for p in parts]
    flags = check_identities(facts, "legacy_prose")
    assert [f.code for f in flags] == [code]
    assert f" {total[1]} < " in flags[0].message and f"= {sum(v for _, v in parts)}" in flags[0].message


def test_stated_parts_that_fit_the_total_with_others_missing_raise_nothing():
    facts = [
        Fact("review_total", 3),
        Fact("review_upheld", 2),
        Fact("outcome_denied", 2),
        Fact("denied_privacy", 2),
    ]
    assert check_identities(facts, "legacy_prose") == []


def test_approximate_figure_proves_no_excess_of_parts():
    facts = [Fact("outcome_total", 10, approximate=True), Fact("outcome_granted", 12)]
    assert check_identities(facts, "legacy_prose") == []


def test_table_missing_a_row_is_judged_on_the_rows_it_has():
    facts = [Fact("outcome_total", 5), Fact("outcome_granted", 4), Fact("outcome_partial", 3)]
    assert [f.code for f in check_identities(facts, "legacy_table")] == ["identity:legacy_answers_within"]


def test_table_with_every_part_read_gets_only_the_equality_flag():
    facts = [
        Fact("requests_new", 9),
        Fact("requests_in_person", 2),
        Fact("requests_fax", 0),
        Fact("requests_online", 5),
        Fact("requests_letter", 3),
    ]
    assert [f.code for f in check_identities(facts, "legacy_table")] == ["identity:legacy_requests_channels"]


def test_table_rows_that_are_parts_of_another_row_are_checked():
    facts = [
        Fact("complaints_total", 1),
        Fact("complaints_upheld", 2),
        Fact("requests_closed", 4),
        Fact("requests_closed_on_time", 3),
        Fact("requests_closed_extended", 2),
        Fact("proactive_items", 10),
        Fact("proactive_normative_docs", 11),
    ]
    assert [f.code for f in check_identities(facts, "legacy_table")] == [
        "identity:legacy_complaints_within",
        "identity:legacy_closed_within",
        "identity:legacy_normative_within",
    ]
