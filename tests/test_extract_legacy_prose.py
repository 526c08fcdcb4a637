"""Figures read from sentences: every wording the legacy reports use, and every trap."""

import pytest

from metrics.extract.legacy_prose import PROACTIVE_CATEGORY, extract_legacy_prose
from metrics.extract.metadata import read_metadata
from metrics.models import Document, Metadata

TITLE = "示例县农业局2013年度政府信息公开工作报告\n"


def read(body: str, title: str = TITLE):
    doc = Document(path="t.txt", text=title + body)
    return extract_legacy_prose(doc, read_metadata(doc))


def values(body: str, title: str = TITLE) -> dict[str, float]:
    facts, _ = read(body, title)
    return {f.metric_id: f.value for f in facts if f.column == "total"}


# --- proactive disclosure ------------------------------------------------------------------------


def test_information_published_through_channels_listed_together_is_the_proactive_total():
    assert values("2013年,通过政府网站、政务微博、政务微信等渠道公开政府信息3226条;回应热点4次。") == {
        "proactive_items": 3226
    }


def test_one_channels_count_after_anothers_or_one_key_areas_items_is_no_proactive_total():
    assert "proactive_items" not in values("门户网站发布信息31条,通过公示公告栏等途径发布信息861条。")
    assert "proactive_items" not in values("全年主动公开重点领域政府信息485条。")


def test_disclosures_singled_out_of_all_posts_by_其中_are_the_proactive_total_and_the_posts_are_not():
    got = values(
        "2015年度,通过本局网站发布各类信息2173条,网站访问量18万人次,其中主动公开政府信息数54条,回应关切3次。"
    )
    assert got == {"proactive_items": 54}
    # Another kind of item singled out leaves the count before it standing, as before.
    assert values("2015年,我局主动公开政府信息300条,其中规范性文件12件。")["proactive_items"] == 300


def test_items_an_agency_naming_itself_published_through_its_site_over_the_year_are_the_proactive_total():
    assert values("2013年1月1日至12月31日,云川省邮政管理局通过政府网站公开政府信息40条。") == {
        "proactive_items": 40
    }
    assert values("2013年,云川市民政局通过政府网站公开政府信息40条。") == {"proactive_items": 40}


def test_proactive_total_with_thousands_separator():
    assert values("2013年,我局主动公开政府信息1,236条。") == {"proactive_items": 1236}


def test_proactive_total_with_words_between_verb_and_object():
    assert values("全年主动公开了涉农政府信息120条,其中通知公告27条、工作动态42条。") == {
        "proactive_items": 120
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "全年主动发布信息总量达200条,其中工作动态120条。",
        "2013年,全年新增公开政府信息200条,网站点击量10176次。",
    ],
)
def test_proactive_total_published_or_newly_disclosed_over_the_year(sentence):
    assert values(sentence) == {"proactive_items": 200}


def test_information_published_over_the_whole_year_is_the_proactive_total_but_one_topics_is_not():
    assert values("我局通过政府网站等渠道公开信息,全年公开信息248条。") == {"proactive_items": 248}
    assert values("全年共公开信息253条。") == {"proactive_items": 253}
    assert "proactive_items" not in values("全年公开财政信息12条。")


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度无涉及政府信息公开行政复议、诉讼案件。",
        "本年度无被申请行政复议或被提起行政诉讼情况。",
        "本年度无就政府信息公开提出复议、诉讼和申诉的情况。",
    ],
)
def test_more_wordings_of_no_review_and_no_lawsuit_give_zero_of_both(sentence):
    assert values(sentence) == {"review_total": 0, "litigation_total": 0}


def test_more_wordings_of_no_fees_and_the_years_information():
    assert values("2013年,全镇信息公开的收费和减免为零。") == {"request_fees_10k_yuan": 0}
    assert values("全年通过管委会网站公开发布信息685条。") == {"proactive_items": 685}


def test_one_sites_items_published_to_the_public_or_over_the_year_are_the_proactive_total():
    assert values("通过政府网站向外发布信息共895条,其中工作动态603条。") == {"proactive_items": 895}
    assert values("全年街道本级信息公开网站共发布政府信息60条。") == {"proactive_items": 60}
    assert "proactive_items" not in values("通过政府网站发布信息共895条。")


def test_one_count_for_reviews_and_lawsuits_together_is_no_count_of_lawsuits():
    got = values("全年涉行政复议、行政诉讼案件743件,结果维持461件。")
    assert "litigation_total" not in got and "review_total" not in got
    assert values("全年共接受办理政府信息公开申请623件。")["requests_new"] == 623
    assert values("全年受理依申请信息公开21件,全部在规定时间内办结。")["requests_new"] == 21


def test_staff_counted_before_their_kind_are_read_and_a_printed_total_of_disclosure_staff_too():
    assert values("专门配备了1名全职工作人员、3名兼职工作人员。") == {
        "staff_full_time": 1,
        "staff_part_time": 3,
    }
    assert values("现有一名兼职人员负责信息公开工作。")["staff_part_time"] == 1
    assert values("全区政府信息公开工作人员共50人。")["staff_total"] == 50


def test_the_full_and_part_time_staff_a_report_states_add_up_to_its_staff(tmp_path):
    from metrics.extract import extract_file

    path = tmp_path / "staff.txt"
    path.write_text(
        TITLE + "2013年,我局配备了1名全职工作人员、3名兼职工作人员,主动公开政府信息12条。", encoding="utf-8"
    )
    assert extract_file(str(path)).totals()["staff_total"] == 4


def test_information_already_public_is_an_outcome_only_in_a_sentence_about_requests():
    assert "outcome_already_public" not in values("目前本单位已主动公开政府信息49条。")
    got = values("全年受理申请300件,其中属于已经主动公开的2件,同意公开答复292件,不同意公开答复的6件。")
    assert (got["outcome_already_public"], got["outcome_granted"]) == (2, 292)
    assert "outcome_granted" not in values("全年受理申请300件,已主动公开或同意公开的69件。")


def test_a_total_up_to_a_date_is_not_the_years_but_a_period_ending_then_is():
    assert values("至2015年12月31日,累计主动公开政府信息74条。") == {}
    assert values("2013年1月1日至2013年12月31日,我局主动公开政府信息74条。") == {"proactive_items": 74}


def test_more_wordings_of_the_proactive_total_and_of_no_fees():
    assert values("新增主动公开政府信息项目378条。") == {"proactive_items": 378}
    assert values("2013年我局无任何政府信息公开收费情况。") == {"request_fees_10k_yuan": 0}


def test_a_total_over_the_last_years_is_not_the_years():
    got = values("2013年主动公开政府信息206条,近四年累计主动公开政府信息889条。")
    assert got == {"proactive_items": 206}


def test_zero_lawsuits_after_review_is_no_zero_for_reviews():
    got = values("因依申请公开工作引起的行政复议2件;因依申请公开工作引起的经复议后起诉的行政诉讼0件。")
    assert got["review_total"] == 2


def test_requests_counted_as_cases_are_requests():
    assert values("我镇共受理政府信息公开申请案件4件。")["requests_new"] == 4


def test_no_lawsuit_named_as_行政起诉_is_zero_lawsuits():
    got = values("本年度没有因政府信息公开引起行政复议或者行政起诉的案例发生。")
    assert got == {"review_total": 0, "litigation_total": 0}


def test_a_count_wrapped_between_its_number_and_its_unit_reads_as_unwrapped():
    # A text browser's dump wraps long lines anywhere, even between a number and its unit.
    one_line = (
        "2014年,本区共主动公开、更新各类信息222条,累计主动公开信息2382条。全年受理政府信息公开申请5件。"
    )
    wrapped = (
        "2014年,本区共主动公开、更新各类信息222\n条,累计主动公开信息2382条。全年受理政府信息公开申请5件。"
    )
    assert values(wrapped) == values(one_line)
    assert values("全年主动公开政府信息12\n条。") == {"proactive_items": 12}


def _printed_lines(paragraph: str, width: int) -> list[str]:
    """The paragraph as a page prints it: lines `width` characters wide (a digit or space half one)."""
    lines, line, used = [], "", 0.0
    for char in paragraph:
        step = 0.5 if char.isascii() else 1.0
        if used + step > width:
            lines, line, used = [*lines, line], "", 0.0
        line, used = line + char, used + step
    return [*lines, line]


def test_printed_lines_a_pdf_tool_set_apart_with_blank_lines_read_as_their_paragraph():
    # markitdown puts a blank line after every printed line: a full line that ends no sentence goes on.
    paragraph = (
        "本局认真贯彻落实政府信息公开条例的各项规定,不断完善各项工作制度,进一步规范公开程序和公开内容。"
        "2013 年区政府及各工作部门主动公开政府信息 321 条,其中,区政府主动公开政府信息 114 条,各工作部门"
        "主动公开 207 条。截至 2013 年 12 月 31 日,区政府及各工作部门累计主动公开政府信息 1115 条,其中,"
        "区政府主动公开政府信息 174 条,各工作部门主动公开政府信息 941 条。"
    )
    lines = [*_printed_lines(paragraph, 36), "二、依申请公开情况", "本年度未收到政府信息公开申请。"]
    got = values("\n\n".join(lines))
    assert (got["proactive_items"], got["requests_new"]) == (321, 0)


def test_numbered_items_answered_with_无_on_lines_of_the_pages_width_are_read_one_by_one():
    lines = [
        "1、回应社会关切工作落实情况与其他事项的处理情况:无",
        "2、依申请公开政府信息的办理情况与答复的相关情况:无",
        "3、政府信息公开申请行政复议、提起行政诉讼情况:无",
        "4、政府信息公开的收费情况及减免情况与其他事项:无",
    ]
    got = values("\n\n".join(lines))
    assert (got["review_total"], got["litigation_total"]) == (0, 0)


def test_a_short_heading_answered_with_无_after_a_blank_line_says_none():
    assert values("(一)申请情况\n\n无申请。\n\n(二)咨询情况\n\n本年度接受咨询12人次。")["requests_new"] == 0


def test_a_heading_answered_with_more_than_none_or_about_other_work_gives_no_zero():
    assert values("(二)依申请公开\n本年度无。") == {}
    assert values("(三)政府信息管理。无\n(四)依申请公开。无需申请即可查阅的信息已在网站公开。") == {}


def test_a_heading_over_a_long_line_after_a_blank_line_is_no_answer_of_none():
    assert "requests_new" not in values("(一)申请情况\n\n无需申请即可查阅的信息已在网站公开,方便群众查询。")


def test_no_review_lawsuit_or_complaint_counted_together_as_the_2008_heading_names_them():
    got = values("我局2013年度共受理有关政府信息公开工作的行政复议、行政诉讼和申诉案件0件。")
    assert (got["review_total"], got["litigation_total"]) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "staff"),
    [
        ("设有政府信息公开工作机构1个,11名工作人员负责具体信息公开情况。", 11),
        ("2013年我局指定办公室1名同志兼职负责政府信息公开工作。", 1),
    ],
)
def test_staff_named_by_the_disclosure_work_they_do(sentence, staff):
    assert values(sentence)["staff_total"] == staff


def test_staff_counted_at_the_report_years_end_are_its_staff_and_at_another_years_end_not():
    got = values("到2013年底,全市政府信息公开工作人员已有345人,其中专职人员156人。")
    assert (got["staff_total"], got["staff_full_time"]) == (345, 156)
    assert values("截至2013年12月31日,全市政府信息公开工作人员共345人。")["staff_total"] == 345
    assert "staff_total" not in values("到2012年底,全市政府信息公开工作人员已有345人。")


def test_outcomes_named_by_the_statistics_tables_rows_are_read_in_prose():
    got = values("全年受理依申请公开8件,其中同意公开答复数4件,同意部分公开答复数1件,不同意公开答复数2件。")
    assert (got["outcome_granted"], got["outcome_partial"], got["outcome_denied"]) == (4, 1, 2)


def test_each_offices_staff_doing_disclosure_work_is_no_staff_total():
    assert "staff_total" not in values("要求各科室至少有1名工作人员负责政府信息公开相关工作。")


def test_staff_counts_stated_in_prose():
    got = values("全县从事政府信息公开工作人员120人。其中,专职人员15人、兼职人员105人。")
    assert got == {"staff_total": 120, "staff_full_time": 15, "staff_part_time": 105}
    both = values("全市各部门从事政府信息公开工作的专(兼)职工作人员共768人。")
    assert both == {"staff_total": 768}
    # Part-time staff are the whole staff only where the report names no full-time staff.
    assert values("本机关设专职人员负责审核,从事政府信息公开工作的兼职人员共2人。") == {"staff_part_time": 2}


@pytest.mark.parametrize(
    ("sentence", "staff"),
    [
        ("为此,本局专门配备了3名兼职工作人员,设立了1个信息申请受理点。", 3),
        ("本镇现有一名兼职人员负责此项工作。", 1),
        ("办公室配备专职人员2名,负责日常工作。", 2),
        ("领导小组下设办公室,配备工作人员4名,负责日常事务。", 4),
        ("领导小组下设办公室,并明确4名工作人员,具体承担政府信息公开的日常工作。", 4),
        ("办公室安排了2名工作人员负责政务公开的日常工作。", 2),
    ],
)
def test_a_report_counting_one_kind_of_staff_and_never_naming_the_other_counts_all_its_staff(sentence, staff):
    assert values(sentence)["staff_total"] == staff


@pytest.mark.parametrize(
    "sentence",
    [
        "办公室现配有1名干警及1名兼职工作人员。",
        "各科室均有联络员,其中1名兼职人员常驻服务窗口。",
        "配备了2名兼职工作人员,专职人员由办公室主任兼任。",
        "明确1名工作人员为专职人员、1名为兼职人员,负责日常工作。",
    ],
)
def test_one_kind_of_staff_beside_other_people_a_part_or_the_other_kind_named_gives_no_total(sentence):
    assert "staff_total" not in values(sentence)


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("2016年,我局在市政府信息公开平台发布信息27条,其中包括工作动态15条。", 27),
        ("2013年,我局通过政府门户网站共公布信息104条。", 104),
        ("2015年,我乡在区政府网站公开本年度信息 69条。", 69),
        ("2017年,我局通宣城政府门户网站发布政务公开信息372条。", 372),
        ("2016年1月1日至12月31日,我局通过县政府网站发布政府信息115条。", 115),
    ],
)
def test_a_sentence_opening_with_the_year_and_the_agency_publishing_on_its_sites_gives_the_total(
    sentence, items
):
    title = f"示例县农业局{sentence[:4]}年度政府信息公开工作报告\n"
    assert values(sentence, title)["proactive_items"] == items


def test_another_years_items_on_a_site_are_no_total():
    assert "proactive_items" not in values("2012年,我局在市政府信息公开平台发布信息27条。")


def test_proactive_total_in_full_width_digits_and_traditional_characters():
    assert values("2013年我局主動公開政府信息１２３條。") == {"proactive_items": 123}


def test_proactive_total_in_chinese_numerals():
    assert values("今年主动公开政府信息一百二十三条。") == {"proactive_items": 123}


def test_proactive_total_stated_with_year_word_and_gong():
    assert values("全年共公开政府信息356条,均通过门户网站发布。") == {"proactive_items": 356}


def test_approximate_proactive_total_is_kept_and_marked():
    facts, _ = read("今年主动公开政府信息100余条。")
    assert [(f.metric_id, f.value, f.approximate) for f in facts] == [("proactive_items", 100, True)]


def test_near_and_above_words_mark_the_figure_approximate():
    facts, _ = read("全年主动公开政府信息近200条。受理政府信息公开申请30件以上。")
    assert {(f.metric_id, f.value, f.approximate) for f in facts} == {
        ("proactive_items", 200, True),
        ("requests_new", 30, True),
    }


def test_cumulative_figure_since_earlier_years_is_not_the_year_total():
    assert values("截至2013年底,我局累计主动公开政府信息5000条。") == {}


def test_cumulative_figure_beside_the_year_figure_keeps_the_year_figure():
    body = "截至2013年底,我局累计主动公开政府信息5000条。2013年新增主动公开政府信息800条。"
    assert values(body) == {"proactive_items": 800}


def test_historical_total_after_the_year_total_is_ignored():
    assert values("本年共主动公开政府信息11条,历年累计234条。") == {"proactive_items": 11}


def test_a_total_accumulated_after_the_years_count_in_one_sentence_is_the_running_total():
    body = "2013年,我区共主动公开、更新各类信息222条,累计主动公开信息2382条。"
    assert values(body) == {"proactive_items": 222}
    assert values("2013年,我区全年累计主动公开信息356条。") == {"proactive_items": 356}


def test_the_proactive_part_of_the_documents_made_is_the_proactive_count():
    body = "2013年,共制作政府信息300条,其中主动公开信息120条,依申请公开信息30条,不予公开信息150条。"
    assert values(body) == {"proactive_items": 120}
    assert values("2013年,共制作政府信息184条,其中主动公开55条,依申请公开3条。") == {"proactive_items": 55}
    # A part of the proactive count itself stays a part.
    assert values("2013年,共主动公开政府信息300条,其中主动公开文件类信息120条。") == {"proactive_items": 300}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("2013年度,我局主动在云川市政务信息公开网上公开政府信息51条。", {"proactive_items": 51}),
        ("2013年共整理、录入、发布14条主动公开政府信息。", {"proactive_items": 14}),
        ("全年依申请公开数0件。", {"requests_new": 0}),
        ("政府办2013年全年共受理申请公开2件,均在规定期限内予以回复。", {"requests_new": 2}),
        ("全年在区政府网站发布政府信息共139条,通知公告类信息39条。", {"proactive_items": 139}),
    ],
)
def test_proactive_and_request_counts_in_less_common_word_orders(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收到任何形式的依申请公开信息、行政复议和行政诉讼。",
        "年内,我局尚未收到权利人申请公开政府信息的申请。",
    ],
)
def test_a_negation_listing_requests_among_other_things_or_naming_the_right_holder_gives_no_requests(
    sentence,
):
    assert values(sentence)["requests_new"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "今年我单位无依法申请公开开展情况。",
        "2013年,县卫生局未收到依法申请公开信息的申请。",
        "2013年,市地震局未收到申请人提出的依申请公开。",
        "本年度未收取到依申请公开件。",
    ],
)
def test_a_negation_naming_requests_by_law_by_their_requester_or_as_received_gives_no_requests(sentence):
    assert values(sentence)["requests_new"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "本局未向申请人收取任何费用。",
        "公民可以依法申请公开政府信息,未收到的应告知申请人。",
    ],
)
def test_no_fee_charged_to_requesters_or_a_right_to_ask_is_no_statement_about_requests(sentence):
    assert "requests_new" not in values(sentence)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("(二)依申请公开情况\n本年度依申请公开2件。", 2),
        ("(二)政府信息依申请公开情况。2013年度,某镇依申请公开政府信息7件,按时办结。", 7),
        ("2.依法申请公开方面。依法做好申请工作。2013年全年依法申请公开件0件,上年度结转办理件0件。", 0),
    ],
)
def test_a_bare_count_of_依申请公开_in_the_section_on_requests_is_the_years_requests(body, expected):
    assert values(body)["requests_new"] == expected


@pytest.mark.parametrize(
    "body",
    [
        # Outside the section on requests, or in 条, it may count the documents open on request.
        "(一)主动公开情况\n本年度依申请公开2件。",
        "(一)主动公开和依申请公开情况\n本年度依申请公开2件。",
        "四、依申请公开政府信息和不予公开政府信息情况\n2013年度我委依申请公开政府信息1条。",
        # Those handled may hold last year's requests.
        "(二)依申请公开情况\n累计办理公民、法人或其他组织通过平台、邮寄等途径依申请公开信息合计20件。",
    ],
)
def test_a_bare_count_of_依申请公开_elsewhere_in_条_or_handled_is_no_count_of_requests(body):
    assert "requests_new" not in values(body)


def test_in_the_section_on_requests_a_count_received_by_a_verb_outranks_the_documents_disclosed():
    got = values("三、依申请公开政府信息情况\n受理申请10件,依申请公开政府信息8件,不予公开2件。")
    assert got["requests_new"] == 10


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("本年度,我区共收到依申请公开案例1例,已按照规范回复。", 1),
        ("本年度收到申请政府信息公开请求1件,已按时答复。", 1),
        ("2013年以来,某街道办事处政府信息公开申请受理2条,与上年相比增加1条。", 2),
        ("本年度无单位和个人对本局提交公开政府信息申请。", 0),
        ("2013年,某乡没有收到个人和组织递交的《信息公开申请表》。", 0),
    ],
)
def test_requests_named_as_cases_or_asks_received_after_their_noun_or_none_submitted(sentence, requests):
    assert values(sentence)["requests_new"] == requests


def test_since_an_earlier_year_is_no_count_of_the_years_requests_but_since_the_report_year_is():
    assert "requests_new" not in values("2010年以来,某街道办事处政府信息公开申请受理9条。")
    assert values("2013年度以来,某街道办事处政府信息公开申请受理2条。")["requests_new"] == 2


def test_no_fee_charged_for_requests_is_no_statement_that_none_came():
    got = values("受理政府信息依申请公开3件。没有收取依申请公开信息相关费用。")
    assert got["requests_new"] == 3


def test_a_negated_review_application_is_no_request_for_information():
    assert "requests_new" not in values("本年度未收到行政复议申请。")


def test_accumulated_over_the_report_year_counts_as_the_year_total():
    assert values("我镇自2013年1月1日到12月31日累计主动公开政府信息915条。") == {"proactive_items": 915}


def test_figure_for_another_year_is_not_taken():
    assert values("2012年主动公开政府信息100条。") == {}
    assert values("上年主动公开政府信息100条。") == {}


def test_subset_after_qizhong_does_not_replace_the_total():
    assert values("主动公开政府信息120条,其中通过政府网站主动公开信息100条。") == {"proactive_items": 120}


def test_should_be_disclosed_category_is_not_the_total():
    assert values("共公布政府信息2599条(其中机构职能类信息25条,其他应主动公开政府信息856条)。") == {}


def test_two_different_unmarked_totals_give_none_and_a_flag():
    facts, flags = read("在网站主动公开政府信息30条。在公开栏主动公开政府信息20条。")
    assert facts == []
    assert [(f.code, f.metric_id) for f in flags] == [("ambiguous_prose", "proactive_items")]


def test_total_marked_with_gong_wins_over_an_unmarked_figure():
    assert values("全年共主动公开政府信息50条。在网站主动公开政府信息30条。") == {"proactive_items": 50}


def test_categories_listed_without_total_are_kept_by_name_and_never_summed():
    facts, _ = read(
        "今年对外公开工作动态信息119条,要闻491条,领导讲话7篇,公告信息781条,对重点工作进行了公示。"
    )
    assert [(f.metric_id, f.column, f.value) for f in facts] == [
        (PROACTIVE_CATEGORY, "工作动态信息", 119),
        (PROACTIVE_CATEGORY, "要闻", 491),
        (PROACTIVE_CATEGORY, "领导讲话", 7),
        (PROACTIVE_CATEGORY, "公告信息", 781),
    ]
    assert all(f.note == f"category: {f.column}" and not f.derived for f in facts)


def categories(facts) -> list[tuple[str, float]]:
    return [(f.column, f.value) for f in facts if f.metric_id == PROACTIVE_CATEGORY]


def test_breakdown_of_the_stated_total_is_kept_as_categories_and_the_total_stays_the_stated_one():
    facts, flags = read("主动公开政府信息27条,其中工作动态3条,法规公文10条,新闻12条,其他2条。")
    assert values("主动公开政府信息27条,其中工作动态3条,法规公文10条,新闻12条,其他2条。") == {
        "proactive_items": 27
    }
    assert categories(facts) == [("工作动态", 3), ("法规公文", 10), ("新闻", 12), ("其他", 2)]
    assert flags == []


def test_breakdown_over_semicolons_with_a_name_running_over_a_list_mark_and_shares_in_between():
    facts, flags = read(
        "全年主动公开政府信息40条,其中:政务动态20条,占50%;计划生育、妇女儿童15条,占37.5%;财政信息5条。"
    )
    assert categories(facts) == [("政务动态", 20), ("计划生育、妇女儿童", 15), ("财政信息", 5)]
    assert flags == []


def test_breakdown_adding_to_more_than_the_stated_total_is_flagged_with_both_numbers():
    facts, flags = read("全年主动公开政府信息50条,其中:工作动态20条;通知公告25条;人事信息10条。")
    assert values("全年主动公开政府信息50条,其中:工作动态20条;通知公告25条;人事信息10条。") == {
        "proactive_items": 50
    }
    assert [(f.code, f.message) for f in flags] == [
        ("proactive_categories_over_total", "主动公开分类之和 55 大于所述总数 50 (20 + 25 + 10)")
    ]


def test_whole_breakdown_short_of_the_stated_total_is_flagged_with_both_numbers():
    _, flags = read("主动公开政府信息50条,其中工作动态20条、通知公告25条。")
    assert [(f.code, f.message) for f in flags] == [
        ("proactive_breakdown_under_total", "以“其中”列出的主动公开分类之和 45 小于所述总数 50 (20 + 25)")
    ]


def test_breakdown_cut_off_by_the_end_of_the_text_need_not_reach_the_total():
    facts, flags = read("主动公开政府信息50条,其中工作动态20条,占40%;通知公告25条,占")
    assert categories(facts) == [("工作动态", 20), ("通知公告", 25)]
    assert flags == []


def test_subset_after_the_breakdown_ends_it_and_is_no_category():
    facts, flags = read("主动公开信息30条,其中规划信息5条、财政信息10条、工作动态15条,其中网上公开20条。")
    assert categories(facts) == [("规划信息", 5), ("财政信息", 10), ("工作动态", 15)]
    assert flags == []


def test_one_item_after_qizhong_is_a_subset_not_a_breakdown():
    facts, flags = read("主动公开政府信息数22条,其中线上信息公开15条。")
    assert categories(facts) == [] and flags == []


def test_channels_after_qizhong_are_not_a_breakdown_into_categories():
    facts, flags = read("全年主动公开政府信息100条,其中通过政府网站公开80条,通过政务微博公开40条。")
    assert categories(facts) == [] and flags == []


def test_separate_list_adding_to_more_than_the_stated_total_is_flagged():
    _, flags = read("全年主动公开政府信息100条。今年对外公开工作动态信息60条,要闻50条,领导讲话7篇。")
    assert [(f.code, f.message) for f in flags] == [
        ("proactive_categories_over_total", "主动公开分类之和 117 大于所述总数 100 (60 + 50 + 7)")
    ]


def test_separate_list_below_the_stated_total_is_not_required_to_reach_it():
    facts, flags = read("全年主动公开政府信息200条。今年对外公开工作动态信息60条,要闻50条。")
    assert categories(facts) == [("工作动态信息", 60), ("要闻", 50)]
    assert flags == []


def test_approximate_total_proves_no_mismatch_with_its_categories():
    _, flags = read("主动公开政府信息100余条,其中工作动态60条,要闻50条。")
    assert flags == []


def test_publicity_items_and_request_figures_are_not_categories():
    facts, _ = read(
        "在报刊刊登宣传报道文章9篇,在日报公开宣传报道20多篇。今年依申请公开政府信息9条,不予公开政府信息1条。"
    )
    assert not [f for f in facts if f.metric_id == PROACTIVE_CATEGORY]


# --- requests and answers ------------------------------------------------------------------------


def test_requests_received_and_granted():
    assert values("全年受理依申请公开9件,其中同意公开7件。") == {"requests_new": 9, "outcome_granted": 7}


def test_requests_received_with_words_between():
    assert values(
        "本局2013年共受理信息公开申请10件,其中当面申请1宗,占10%;网上申请9宗,占90%;信函申请0宗。"
    ) == {"requests_new": 10, "requests_in_person": 1, "requests_online": 9, "requests_letter": 0}


def test_requests_counted_in_chinese_numerals():
    assert values("全年共收到政府信息公开申请两件,均已按时答复。") == {"requests_new": 2}


def test_answer_types_in_quotes():
    body = (
        "在已经答复的9件申请中,“同意公开”的6件,占总数的67%。“同意部分公开”1件。“不予公开”的1件。"
        "“信息不存在”的1件。“非本机关政府信息”的2件。"
    )
    assert values(body) == {
        "outcome_total": 9,
        "outcome_granted": 6,
        "outcome_partial": 1,
        "outcome_denied": 1,
        "unable_not_held": 1,
        "outcome_not_this_agency": 2,
    }


def test_refusals_with_their_reasons():
    assert values("不予公开3件,其中涉及国家秘密1件,涉及商业秘密1件,涉及个人隐私1件。") == {
        "outcome_denied": 3,
        "denied_state_secret": 1,
        "denied_commercial_secret": 1,
        "denied_privacy": 1,
    }


def test_information_disclosed_on_application_is_granted_not_received():
    assert values("今年依申请公开政府信息9条,不予公开政府信息1条。") == {
        "outcome_granted": 9,
        "outcome_denied": 1,
    }


def test_not_this_agencys_and_already_public_answers():
    assert values("不属于本机关公开范围的2件,属于已主动公开范围的3件,告知作出更改补充1件。") == {
        "outcome_not_this_agency": 2,
        "outcome_already_public": 3,
        "outcome_told_to_amend": 1,
    }


@pytest.mark.parametrize(
    "body",
    [
        "2013年,我局未收到公开政府信息的申请。",
        "全年未接到公民、法人和其他组织提出的政府信息公开申请。",
        "我局至今还未收到过单位或个人的信息公开申请。",
        "2013年,我镇没有依申请公开政府信息办理事项。",
        "我镇2016年度无申请。",
        "全年我镇收到政务信息依申请公开业务0条。",
    ],
)
def test_statements_that_no_request_came_give_zero(body):
    assert values(body) == {"requests_new": 0}


def test_granted_together_with_partial_is_not_a_partial_count():
    assert values("予以公开及部分公开258件,占33.9%。") == {}


def test_documents_classified_by_disclosure_attribute_are_not_request_answers():
    # Their 主动公开 part is the documents published proactively (see the documents-made split).
    assert values("全年制发公文383条,其中主动公开54条、依申请公开316条、不予公开13条。") == {
        "proactive_items": 54
    }


# --- reviews, lawsuits, complaints, fees, events -------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "未发生因政府信息公开申请行政复议和提起行政诉讼的情况。",
        "我局未因群众对回复不满意而发生行政复议和行政诉讼事件。",
        "全年没有发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼案和申诉案。",
        "本年度政府信息公开行政复议和行政诉讼均为零。",
        "无行政复议、行政诉讼案件。",
    ],
)
def test_statements_of_no_review_and_no_lawsuit_give_zero_and_zero(body):
    assert values(body) == {"review_total": 0, "litigation_total": 0}


def test_review_and_lawsuit_counts():
    assert values("因政府信息公开引起的行政复议案件2件、行政诉讼案件1起。") == {
        "review_total": 2,
        "litigation_total": 1,
    }


def test_lawsuit_count_in_chinese_zero():
    assert values("全年政府信息公开行政诉讼零起。") == {"litigation_total": 0}


def test_only_the_events_a_negation_names_become_zero():
    assert values("我局未收到政府信息公开投诉及因政府信息公开提起的行政诉讼。") == {
        "complaints_total": 0,
        "litigation_total": 0,
    }


@pytest.mark.parametrize(
    "sentence",
    [
        # 不存在 negates as 未发生 does.
        "本年度不存在因政府信息公开申请引起的行政复议和行政诉讼。",
        # 复议 and 诉讼 named without 行政, within a list of what did not occur.
        "本年度无信息公开投诉、复议和诉讼等情形。",
    ],
)
def test_reviews_and_lawsuits_stated_not_to_exist_or_named_without_行政_are_zero(sentence):
    found = values(sentence)
    assert (found["review_total"], found["litigation_total"]) == (0, 0)
    assert "requests_new" not in found


def test_information_that_does_not_exist_is_a_refusals_reason_not_a_statement_of_none():
    # A 0 from 不存在 would contradict the 3 and leave requests unread.
    assert values("收到申请3件,其中1件因申请的信息不存在,已告知申请人。") == {"requests_new": 3}


def test_conditional_right_to_review_is_not_a_statement_of_none():
    assert values("申请人对答复不服的,没有其他途径时可以依法申请行政复议或提起行政诉讼。") == {}


def test_no_corrected_case_is_not_no_case():
    assert values("全年未发生因依申请公开被行政复议纠错的情况。") == {}


def test_fees_in_yuan_become_ten_thousands_of_yuan():
    assert values("依申请公开收取的费用(检索费、复制费、邮寄费等)为1,500元。") == {
        "request_fees_10k_yuan": 0.15
    }


@pytest.mark.parametrize(
    "body",
    [
        "在政府信息公开中,我局未收过任何费用。",
        "全年未涉及政府信息公开的收费及减免情况。",
        "2013年度,我镇政府信息公开没有收费。",
        "本年度无政务信息的收费及减免情况。",
    ],
)
def test_statements_that_no_fee_was_charged_give_zero(body):
    assert values(body) == {"request_fees_10k_yuan": 0}


def test_fee_notice_wording_of_the_standard_table_is_not_a_fee():
    assert values("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0") == {}


def test_hearings_press_conferences_and_complaints():
    body = "今年召开听证会2次。举办新闻发布会约5次。全年收到政府信息公开举报投诉3件。另举行十二次听证会。"
    facts, flags = read(body)
    got = {f.metric_id: (f.value, f.approximate) for f in facts}
    assert got["press_conferences"] == (5, True)
    assert got["complaints_total"] == (3, False)
    assert "hearings" not in got  # 2 and 12 disagree: neither is kept
    assert [f.metric_id for f in flags] == ["hearings"]


def test_hearings_counted_before_the_noun():
    assert values("全年举行十二次听证会。") == {"hearings": 12}


# --- traps ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "依申请公开答复率100%。",
        "主动公开政府信息同比增长12%。",
        "主动公开信息较上年增加120条。",
        "本报告统计期限自2013年1月1日起至2013年12月31日止。",
        "安排政府信息公开专项经费5万元。",
        "根据《关于做好政府信息公开工作的通知》(示政办发〔2013〕12号)要求开展工作。",
        "如有疑问请联系办公室,电话:0456-8223388,邮编:164300。",
        "本报告全文共12页,附表3张。",
        "依据《中华人民共和国政府信息公开条例》(国务院令第\n492\n号)编制。",
        "咨询30多人次,其中来电来访20多次。",
    ],
)
def test_numbers_that_are_not_counts_are_never_read(body):
    assert values(body) == {}


def test_evidence_is_the_original_sentence():
    facts, _ = read("2013年我局主動公開政府信息27條,內容涉及法規公文。")
    assert facts[0].evidence == "2013年我局主動公開政府信息27條,內容涉及法規公文"


def test_number_broken_across_lines_is_rejoined():
    assert values("全年主动公开\n政府信息\n12\n条,均已上网。") == {"proactive_items": 12}


def test_text_without_figures_gives_nothing():
    assert read("") == ([], [])
    assert read("一、概述\n我局高度重视政府信息公开工作。", title="") == ([], [])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("四、行政复议、行政诉讼情况:无。", {"review_total": 0, "litigation_total": 0}),
        (
            "四、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。",
            {"review_total": 0, "litigation_total": 0},
        ),
        ("五、政府信息公开的收费及减免情况:无。", {"request_fees_10k_yuan": 0}),
        # A heading without 情况, answered on its own line or after a full stop.
        ("(二)依申请公开\n无", {"requests_new": 0}),
        ("(二)依申请公开。无", {"requests_new": 0}),
        ("(二)依申请公开。无。", {"requests_new": 0}),
    ],
)
def test_heading_answered_with_none_gives_zero(body, expected):
    assert values(body) == expected


def test_policy_of_charging_nothing_gives_zero_fees():
    assert values("我局办理政府信息公开申请不收取任何费用。") == {"request_fees_10k_yuan": 0}


def test_newly_received_requests_and_request_forms():
    assert values("本年度新收政府信息公开申请69件。") == {"requests_new": 69}
    assert values("全年共收到政府信息公开申请表15份。") == {"requests_new": 15}


def test_disclosed_on_application_then_answered_counts_the_requests_not_those_granted():
    assert values("今年依申请公开政府信息5件,均已按时答复。") == {"requests_new": 5}


def test_report_year_written_in_chinese_numerals_still_rejects_other_years():
    title = "二〇一三年度示例县政府信息公开工作报告\n"
    assert values("2012年主动公开政府信息100条。2013年主动公开政府信息120条。", title=title) == {
        "proactive_items": 120
    }


def test_proactive_total_with_audience_between_the_words():
    assert values("全年主动向社会公开政府信息286条。") == {"proactive_items": 286}


def test_count_before_the_noun_for_requests():
    assert values("全年共受理了3件政府信息公开申请,均已办结。") == {"requests_new": 3}
    assert values("收到1件要求行政复议的申请。") == {}


def test_long_applicant_description_between_verb_and_request():
    assert values("共受理公民、法人和其他组织政府信息公开申请15件。") == {"requests_new": 15}


def test_since_a_date_within_the_report_year_is_the_year_count():
    title = "示例镇2008年政府信息公开工作年度报告\n"
    assert values("自2008年5月1日以来,我镇主动公开政府信息45条。", title=title) == {"proactive_items": 45}
    assert values("自2006年以来,我镇主动公开政府信息450条。", title=title) == {}


def test_complaints_outside_disclosure_work_are_not_read():
    assert values("全年受理群众投诉120件,办结率100%。") == {}
    assert values("全年收到政府信息公开工作投诉2件。") == {"complaints_total": 2}


def test_topic_items_published_without_the_word_government_are_not_the_total():
    assert values("重点公开重大建设项目信息,全年共公开信息291条。") == {}


# --- wordings met in reports outside the dev corpus ----------------------------------------------


def test_pinyin_printed_after_characters_does_not_split_the_words():
    body = "全年我鎮(zhèn)主動公開信息數(shù)量為46件。本年度沒有因政府信息提起行政復(fù)議和行政訴(sù)訟的情況發(fā)生。"
    assert values(body) == {"proactive_items": 46, "review_total": 0, "litigation_total": 0}


@pytest.mark.parametrize(
    "sentence",
    [
        "2013年度我镇主动公开政府信息件数为123件。",
        "(一)主动公开政府信息的数量共123条。",
    ],
)
def test_proactive_total_named_by_its_count_word(sentence):
    assert values(sentence) == {"proactive_items": 123}


def test_one_zero_for_review_and_litigation_cases_named_together():
    body = "全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件0件。"
    assert values(body) == {"review_total": 0, "litigation_total": 0}


def test_a_nonzero_count_for_review_and_litigation_together_is_not_split():
    assert values("全年被申请行政复议、提起行政诉讼的案件3件。") == {}


def test_requests_counted_in_qi_before_the_noun():
    assert values("2013年,我局收到12起政府信息依申请公开,均按时办理。") == {"requests_new": 12}


def test_bare_answer_count_right_after_the_requests_received():
    body = "全年受理政府信息公开申请13件,答复13件。"
    assert values(body) == {"requests_new": 13, "outcome_total": 13}


def test_answer_count_without_requests_before_it_is_not_read():
    assert values("全年接听咨询电话,答复13件。") == {}


def test_no_fee_charged_to_the_applicant():
    assert values("我局在办理依申请公开工作中,未向申请人收取费用。") == {"request_fees_10k_yuan": 0}


def test_year_count_inside_a_cumulative_sentence_after_qizhong():
    body = "本区到年底累计主动公开政府信息5928条,其中,本年度新增主动公开政府信息2110条。"
    assert values(body) == {"proactive_items": 2110}


def test_cumulative_up_to_the_end_of_a_named_year_is_not_the_year_total():
    assert values("本局到2013年底累计主动公开政府信息300条,全文电子化率达100%。") == {}


def test_spaced_out_words_and_figures_of_a_word_export():
    assert values("2013 年主动公开政府信息数 1 024 条。") == {}
    assert values("2013 年主动公开政 府信息数 1024 条。") == {"proactive_items": 1024}


def test_proactive_total_published_with_gongbu():
    assert values("2013年在县政府门户网站主动公布政府信息有64条。") == {"proactive_items": 64}


def test_proactive_total_after_an_aside_in_brackets():
    body = "我局网站2013年度主动公开政务信息(包括:政务公开、办事服务等3个一级栏目)共计812条。"
    assert values(body) == {"proactive_items": 812}


def test_outcome_counts_written_before_the_outcome():
    body = "全年受理申请7件,其中3件同意公开,1件部分公开,1件不予公开,1件不属于本机关公开范围,1件信息不存在。"
    assert values(body) == {
        "requests_new": 7,
        "outcome_granted": 3,
        "outcome_partial": 1,
        "outcome_denied": 1,
        "outcome_not_this_agency": 1,
        "unable_not_held": 1,
    }


def test_outcome_count_before_the_outcome_never_starts_inside_a_number():
    assert values("受理申请1,236件不属于本机关。") == {"requests_new": 1236}


@pytest.mark.parametrize(
    "body",
    [
        "本年度未存在政府信息公开收费及减免情况。",
        "根据上级统一部署,我镇对申请公开政府信息暂免收费。",
    ],
)
def test_no_fee_existing_or_fees_waived_give_zero(body):
    assert values(body) == {"request_fees_10k_yuan": 0}


def test_all_kinds_of_information_published_is_the_year_total():
    assert values("今年来,全镇共发布各类信息内容46条,内容涵盖机构概况、政策文件等方面。") == {
        "proactive_items": 46
    }
    assert values("我镇通过门户网站公开各类信息38条。") == {"proactive_items": 38}


def test_two_all_kinds_totals_for_different_channels_are_left_out():
    body = "网站全年发布各类信息247条。政务网站、微信、微博共发布各类信息2483条。"
    assert "proactive_items" not in values(body)


def test_one_category_between_the_verb_and_information_is_not_the_total():
    assert "proactive_items" not in values("主动公开工作动态信息119条,要闻491条。")


def test_a_service_hall_count_of_applications_is_not_information_requests():
    assert values("政务服务中心全年共受理行政审批申请1200件,办结率100%。") == {}
    assert values("全年共受理申请320件,均为行政许可事项。") == {}


def test_information_requests_named_beside_a_window_are_still_read():
    assert values("通过受理窗口共受理政府信息公开申请6件。") == {"requests_new": 6}


def test_not_one_case_of_review_or_litigation_is_zero():
    assert values("无一例因政府信息公开申请行政复议和提起行政诉讼发生。") == {
        "review_total": 0,
        "litigation_total": 0,
    }


def test_no_fee_charged_to_anyone_and_no_fee_or_waiver_situation_are_zero():
    assert values("我局未对任何申请人收取信息公开检索费用。") == {"request_fees_10k_yuan": 0}
    assert values("没有公民、法人和其他组织的政府信息公开收费和减免情况。") == {"request_fees_10k_yuan": 0}


@pytest.mark.parametrize(
    "together", ["网上及电子邮件申请的24件", "当面和信函申请24件", "网上、电子邮件申请24件"]
)
def test_requests_of_two_channels_counted_together_are_no_channel_s_count(together):
    found = values(f"全年共受理政府信息公开申请30件,其中{together}。")
    assert found == {"requests_new": 30}


def test_requests_by_email_are_a_channel_of_their_own():
    body = "全年共受理政府信息公开申请5件,其中当面申请3件,电子邮件申请2件,信函申请0件。"
    assert values(body) == {
        "requests_new": 5,
        "requests_in_person": 3,
        "requests_email": 2,
        "requests_letter": 0,
    }


def test_a_count_of_requests_to_disclose_information_is_the_requests_received():
    assert values("本年度收到申请公开政府信息数0条。") == {"requests_new": 0}
    assert values("全年共收到申请公开政府信息3件。") == {"requests_new": 3}


def test_proactive_information_counted_with_gong_you_is_the_total():
    assert values("今年来主动公开的信息数共有164条,其中工作动态类信息122条。")["proactive_items"] == 164


def test_a_clause_opening_with_the_report_year_after_as_of_now_counts_that_year():
    got = values("截至目前,2013年我区接收政府信息公开申请13件,产生行政复议及行政诉讼0件。")
    assert got == {"requests_new": 13, "review_total": 0, "litigation_total": 0}
    assert "requests_new" not in values("截至目前,累计接收政府信息公开申请130件。")


def test_a_total_after_the_channel_counts_it_adds_up_is_the_proactive_total():
    body = "信息发布量由2012年的1128条增加到2013年的1887条,在省政府网站发布信息514条,总计2401条。"
    assert values(body)["proactive_items"] == 2401
    assert "proactive_items" not in values("在网站发布信息1887条,在微博发布信息514条,总计2400条。")


def test_a_sentence_answering_the_fees_heading_needs_no_word_of_requests():
    body = "三、政府信息公开的收费及减免情况\n我街道未对任何公民、法人和组织收取任何费用。"
    assert values(body) == {"request_fees_10k_yuan": 0}
    assert values("一、概述\n我街道未对任何公民、法人和组织收取任何费用。") == {}


def _with_notes(chars: str, notes: int) -> str:
    """`chars` with a pinyin note after each of its first `notes` characters."""
    return "".join(ch + ("(zhèn)" if i < notes else "") for i, ch in enumerate(chars))


def test_a_printed_page_with_pinyin_after_its_characters_is_joined_at_its_wrapped_lines():
    # A mirror prints pinyin after some characters; the page wraps every line at one printed width,
    # 30 characters, a note's letters counting half a character each: 30 characters, or 18 and four
    # notes. Without the notes the lines are of two widths, and neither says where lines wrap.
    filler = "依法主动公开政府信息工作有序推进取得实效" * 2
    body = [
        _with_notes(filler[k : k + 30], 0) if k % 2 else _with_notes(filler[k : k + 18], 4) for k in range(8)
    ]
    body += [_with_notes("全年我镇在政府门户网站上主动公", 4) + "开政府", "信息46件,内容涵盖政策文件。"]
    text = "示例镇2009年政府信息公开工作年度报告\n" + "\n".join(body)
    facts, _ = extract_legacy_prose(Document(path="r.txt", text=text), Metadata(year=2009))
    assert {f.metric_id: f.value for f in facts}.get("proactive_items") == 46


def _line(width: int, digits: str = "") -> str:
    """A line `width` Chinese characters wide, its digits (half a character each) at the end."""
    words = "本局认真落实政府信息公开各项要求依法依规做好公开工作并取得实效全面推进决策执行管理服务结果公开"
    return words[: width - len(digits) // 2] + digits


def test_a_scanned_page_of_indented_paragraphs_is_joined_at_its_wrapped_lines():
    # An OCR'd page: paragraphs' first lines are indented, and figures set in narrower digits make
    # full lines differ by a few characters (34-38 here), so no one width holds most lines. A
    # figure's words broken at a wrap ('举办新闻' / '发布会6次') must still read as one sentence.
    paragraphs = [
        [_line(34), _line(38, "3698"), _line(22) + "。"],
        [_line(35, "12"), _line(37, "2148"), _line(25) + "。"],
        [_line(34), _line(36), _line(27) + "。"],
        [
            "通过不同渠道和方式回应解读情况：本局在政府网站发布解读材料并举办新闻",
            "发布会6次，组织在线访谈0次。",
        ],
        [_line(36), _line(38, "20"), _line(24) + "。"],
        [_line(37, "56"), _line(21) + "。"],
        [_line(32, "8"), _line(38), _line(26) + "。"],
    ]
    text = "示例局2017年政府信息公开工作年度报告\n" + "\n".join(line for p in paragraphs for line in p)
    facts, _ = extract_legacy_prose(Document(path="r.pdf", text=text), Metadata(year=2017))
    assert {f.metric_id: f.value for f in facts}.get("press_conferences") == 6


def test_a_review_withdrawn_is_how_one_case_ended_not_the_count_of_reviews():
    assert values("信息公开行政复议案件3件,维持1件,纠正1件,撤销复议申请1件。") == {"review_total": 3}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2016年,我委公开政府信息728条。", {"proactive_items": 728}),
        ("2011年度,全市共收到申请政府信息公开26件(次)。", {"requests_new": 26}),
        ("共受理依申请政府信息公开事项17例。", {"requests_new": 17}),
        ("我办共接到依申请公开办件18件。", {"requests_new": 18}),
        (
            "2013年度没有对公民、法人和其他组织因政府信息公开收取任何复印、递送等成本费用。",
            {"request_fees_10k_yuan": 0},
        ),
        ("2011年,我县未发生对公民、法人和其他组织政府信息公开收费和减免事项。", {"request_fees_10k_yuan": 0}),
    ],
)
def test_counts_and_no_fees_in_other_words_real_reports_use(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "截至2013年12月31日,本局共收到政府信息公开申请11件,均已按时答复。",
        "截止2013年底,我局受理依申请公开政府信息11件。",
    ],
)
def test_requests_counted_up_to_the_report_years_last_day_are_the_years_requests(sentence):
    assert values(sentence)["requests_new"] == 11


def test_requests_counted_up_to_another_day_or_added_up_over_years_are_not_the_years():
    assert "requests_new" not in values("截至2014年6月30日,本局共收到政府信息公开申请11件。")
    assert "requests_new" not in values("截至2013年12月31日,本局累计收到政府信息公开申请110件。")
    # Items published up to the year's end may hold earlier years' items.
    assert "proactive_items" not in values("截至2013年12月31日,我局在网站主动公开政府信息27条。")


def test_items_published_up_to_now_are_a_running_total():
    assert "proactive_items" not in values("本局到目前累计主动公开政府信息100条。")


def test_one_channels_items_beside_anothers_are_no_total_but_items_of_several_channels_together_are():
    two = values("全年我局在县政府网站主动公开信息60条,在局网站主动公开信息5条。")
    assert "proactive_items" not in two
    together = values("通过政府网站、微信等平台共主动公开信息300条,其中在网站公开200条,在微信公开100条。")
    assert together["proactive_items"] == 300
    # Items sent to another site are not published by the agency: the site's count stands.
    sent = values("全年在区政府网站发布政府信息共139条,向市政府网站报送信息40条。")
    assert sent["proactive_items"] == 139


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("2013年共办理依申请公开3件,均同意公开。", 3),
        ("2013年共处理政府信息公开申请0件。", 0),
    ],
)
def test_requests_handled_are_the_years_requests_where_no_request_received_is_counted(sentence, requests):
    assert values(sentence)["requests_new"] == requests


def test_requests_handled_give_way_to_requests_received_and_say_nothing_beside_carried_requests():
    assert values("全年收到政府信息公开申请5件,共办理依申请公开6件。")["requests_new"] == 5
    assert "requests_new" not in values("全年共办理依申请公开6件,含上年结转1件。")


def test_more_wordings_of_requests_received_or_none_received():
    assert values("2013年,本局依申请公开受理和办结6件。")["requests_new"] == 6
    assert values("2013年,本镇收到和处理政府信息公开申请办理事项为0件。")["requests_new"] == 0
    got = values("2013年未接到政府信息公开申请且未出现行政复议、行政诉讼等情况。")
    assert got == {"requests_new": 0, "review_total": 0, "litigation_total": 0}


def test_information_withheld_where_no_request_came_counts_documents_not_answers():
    got = values("2013年度没有收到依申请公开申请。不予公开信息有10条,主要是人事安排的信息。")
    assert got["requests_new"] == 0 and "outcome_denied" not in got


def test_a_count_of_requests_beside_a_negation_of_other_cases_keeps_its_count():
    got = values("2013年,我局接到依申请公开事项3项,均已答复办结,未产生依申请公开政府信息案例。")
    assert got["requests_new"] == 3


def test_a_count_of_requests_against_a_statement_that_none_came_gives_neither():
    facts, flags = read("2013年共收到政府信息公开申请3件。2013年未收到政府信息公开申请。")
    assert "requests_new" not in {f.metric_id for f in facts}
    assert any(f.code == "ambiguous_prose" and f.metric_id == "requests_new" for f in flags)


def test_the_number_of_requests_received_up_to_the_years_end_is_the_years():
    assert values("截止2013年底,我局受理依申请公开政府信息的数量为0件。")["requests_new"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "截至2013年12月31日,在县政府网站累计公开政府信息846条,其中本年度在县政府网站公开214条。",
        "截至2013年12月30日,我乡在县政府网站共主动公开政府信息615条,今年新增214条。",
        "截止2013年底我局通过局门户网站公开信息457条,其中2013年公开政务信息214条。",
    ],
)
def test_the_years_part_of_a_running_total_of_published_items_is_the_proactive_total(sentence):
    assert values(sentence)["proactive_items"] == 214


def test_a_year_led_count_of_government_information_published_is_the_proactive_total():
    assert values("2013年共公开政府信息164条,其中工作动态80条。")["proactive_items"] == 164
    assert "proactive_items" not in values("2012年共公开政府信息164条。")  # another year's


@pytest.mark.parametrize(
    ("sentence", "requests"),
    [
        ("本局2013年度政府信息公开申请0次。", 0),
        ("2013年度云溪街道信息公开申请0起。", 0),
        ("2013年内,本街道共办理4件政府信息公开申请(其中当年收到3件,上年转结1件)。", 3),
    ],
)
def test_the_years_requests_named_without_a_verb_or_among_those_handled(sentence, requests):
    assert values(sentence)["requests_new"] == requests


def test_no_review_or_lawsuit_stated_as_a_situation_of_zero():
    got = values("本局2013年度因政府信息公开申请行政复议、提起行政诉讼的情况为0次。")
    assert (got["review_total"], got["litigation_total"]) == (0, 0)


@pytest.mark.parametrize(
    ("sentence", "trainings", "trainees"),
    [
        ("全年举办政府信息公开各类培训班17次,培训人员1260人次。", 17, 1260),
        ("本局组织开展政府信息公开工作人员业务培训会13次,培训相关人员764人次。", 13, 764),
        ("设立了政府信息公开联络员,还开展了2次联络员业务培训。", 2, None),
    ],
)
def test_trainings_held_on_disclosure_work_and_their_attendance(sentence, trainings, trainees):
    got = values(sentence)
    assert (got["trainings"], got.get("trainees")) == (trainings, trainees)


def test_trainings_attended_or_not_about_disclosure_are_not_counted():
    assert "trainings" not in values("本局人员参加上级组织的政府信息公开培训3次。")
    assert "trainings" not in values("全年举办安全生产培训班5次。")


def test_staff_counted_first_after_the_lists_comma_are_read():
    got = values("为此,专门配备了1名全职工作人员,4名兼职工作人员,设立了1个受理点。")
    assert (got["staff_full_time"], got["staff_part_time"]) == (1, 4)
    # A comma between digits is a thousands separator, never a list's.
    assert values("全市共配备了1,200名兼职工作人员。")["staff_part_time"] == 1200


def test_a_count_followed_by_the_years_new_items_of_the_same_kind_is_the_stock():
    got = values("本局2013年全年主动公开政府信息3320条,其中全文电子化达100%,本年度新增的主动公开信息289条。")
    assert got["proactive_items"] == 289
    # New items of one kind are a part of the year's count, not the year's.
    kind = values("本局2013年主动公开政府信息1193条,其中本年度新增的主动公开公文类政府信息37条。")
    assert kind["proactive_items"] == 1193


def test_requests_named_by_what_they_ask_for_and_no_carried_request_is_no_zero():
    got = values("2013年,我局共受理政府信息公开1件,办结1件。全年无政府信息公开申请结转办理情况。")
    assert got["requests_new"] == 1


def test_messages_answered_are_no_requests_answered():
    got = values("市长信箱、栏目收到留言64227条,已答复63029条,其余留言结转下年度继续办理。")
    assert "outcome_total" not in got
    assert values("全年受理申请13件,已答复申请13件。")["outcome_total"] == 13


def test_items_published_so_far_or_on_each_of_two_sites_are_no_years_total():
    assert "proactive_items" not in values("(一)目前本单位已主动公开政府信息49条。")
    got = values("2013年,我局在市政府门户网站和局门户网站信息公开栏目分别主动公开政府信息148条。")
    assert "proactive_items" not in got


def test_trainings_received_are_not_trainings_held():
    got = values("通过政府信息公开网站进行电话咨询,其中接受业务指导8次,业务培训7次。")
    assert "trainings" not in got


def test_reviews_among_an_agencys_other_business_are_no_disclosure_reviews():
    got = values("2013年办理行政许可415件、行政处罚7件、行政复议1件,无投诉举报。")
    assert "review_total" not in got
    assert values("2013年因政府信息公开申请行政复议1件。")["review_total"] == 1


def test_more_wordings_of_the_years_published_items():
    got = values("据初步统计,2013年我县通过政府信息公开网站,共公开政府信息14586条。")
    assert got["proactive_items"] == 14586
    got = values("制作获取政府信息共33条,其中主动公开信息数33条,无依申请公开信息。")
    assert got["proactive_items"] == 33
