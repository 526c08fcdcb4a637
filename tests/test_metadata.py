import csv
import itertools
from pathlib import Path

import pytest

from metrics import ui_text
from metrics.demo.places import catalogue, synthetic_agencies
from metrics.extract.metadata import agency_from_title, agency_type, read_metadata, region_and_level
from metrics.models import Document


def test_agency_is_title_without_year_and_report_words():
    assert agency_from_title("云川市民政局2013年度政府信息公开工作报告") == "云川市民政局"
    assert agency_from_title("2021年石桥县人民政府政府信息公开工作年度报告") == "石桥县人民政府"
    assert agency_from_title("关于青岚省教育厅2016年政府信息公开工作年度报告") == "青岚省教育厅"


def test_agency_from_a_title_kept_in_code_or_data_leaves_the_assignment_out():
    assert (
        agency_from_title('let content = "2019年云川市人民政府办公室政府信息公开工作年度报告')
        == "云川市人民政府办公室"
    )
    assert agency_from_title('"title": "石桥县教育局2021年政府信息公开工作年度报告",') == "石桥县教育局"


def test_agency_from_title_in_traditional_characters_and_chinese_year():
    assert agency_from_title("雲川市法制辦公室二〇一〇年度政府信息公開工作年度報告") == "云川市法制办公室"


def test_region_and_level_of_governments_and_departments():
    assert region_and_level("青岚省人民政府") == ("青岚省", "province")
    assert region_and_level("青岚省云川市生态环境局") == ("青岚省云川市", "city_department")
    assert region_and_level("云川市石桥县东湖镇人民政府") == ("云川市石桥县东湖镇", "township")
    assert region_and_level("石桥县公安局") == ("石桥县", "county_department")


def test_agency_type_is_department_name_or_government():
    assert agency_type("云川市石桥县公安局") == "公安局"
    assert agency_type("石桥县人民政府") == "人民政府"


def test_page_metadata_block_gives_title_year_and_publication_date():
    text = "标题: 云川市民政局2013年度政府信息公开工作报告\n发布日期: 2014-03-27\n\n正文"
    doc = Document(
        path="x.txt",
        text=text,
        page_meta={"标题": "云川市民政局2013年度政府信息公开工作报告", "发布日期": "2014-03-27"},
    )
    meta = read_metadata(doc)
    assert (meta.agency, meta.year, meta.published, meta.level) == (
        "云川市民政局",
        2013,
        "2014-03-27",
        "city_department",
    )


def test_title_line_found_in_text_when_no_metadata_block():
    doc = Document(
        path="a.txt",
        text="首页 > 政务公开\n石桥县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n"
        "\n石桥县人民政府\n2021年1月20日",
    )
    meta = read_metadata(doc)
    assert meta.title == "石桥县人民政府2020年政府信息公开工作年度报告"
    assert meta.year == 2020
    assert meta.published == "2021-01-20"


def test_year_from_file_name_when_title_has_none():
    doc = Document(path="/r/石桥县2017年报.txt", text="政府信息公开工作年度报告\n内容")
    assert read_metadata(doc).year == 2017


def test_a_pages_number_ending_its_file_name_is_no_year_but_the_texts_statistics_period_is():
    text = "本报告由总体情况等六部分组成。本年报中所列数据的统计期限自2025年1月1日起至12月31日止。\n内容"
    assert read_metadata(Document(path="/crawl/art_1906.txt", text=text)).year == 2025
    assert read_metadata(Document(path="/crawl/report_2024.txt", text="内容")).year == 2024


def test_a_year_inside_a_listed_documents_name_is_not_the_reports_year():
    text = (
        "本局制定本报告。\n一、总体情况\n2022年,云川市审计局着力抓好审计公开。更新发布了《云川市审计局2021年政府信息"
        "公开工作年度报告》《云川市人民政府关于2021年度本级财政预算执行情况的审计工作报告》。\n2022年,市审计局未收到申请。"
    )
    assert read_metadata(Document(path="/crawl/page.txt", text=text)).year == 2022
    # Outside a document's name, the year of the agency's own level is the report's.
    text = "特向社会公布2019年本级政府信息公开年度报告。\n一、总体情况"
    assert read_metadata(Document(path="/crawl/page.txt", text=text)).year == 2019


def test_an_agency_in_brackets_after_a_title_naming_none_is_the_agency():
    assert agency_from_title("2024年政府信息公开工作年度报告(云川市石桥区民政局)") == "云川市石桥区民政局"
    assert agency_from_title("2024年政府信息公开工作年度报告（云川市石桥区民政局）") == "云川市石桥区民政局"
    assert agency_from_title("石桥区2023年政府信息公开工作年度报告(文字版)") == "石桥区"


def test_two_bodies_reporting_together_keep_the_mark_between_their_names():
    assert agency_from_title("城东办事处、城东园区2024年政府信息公开工作年度报告") == "城东办事处、城东园区"


def test_a_sites_section_above_a_column_name_is_no_agency():
    text = "信息公开大厅\n当前位置:政府信息公开年度报告\n信息检索\n政府信息公开年度报告\n正文内容。"
    assert read_metadata(Document(path="a.txt", text=text)).agency != "信息公开大厅"


def test_the_notice_asking_for_the_report_is_a_higher_offices_and_names_no_reporting_agency():
    text = (
        "本报告按照《石桥县数据管理局关于报送2025年政府信息公开工作年度报告有关事项的通知》要求,"
        "结合我局2025年实际工作情况编制而成。\n一、总体情况\n"
        "2025年,石桥县应急管理局认真落实政府信息公开制度。我局主动公开信息30条。"
    )
    assert read_metadata(Document(path="a.txt", text=text)).agency == "石桥县应急管理局"


def test_agency_without_a_source_tag_or_guanyu_after_the_name():
    assert agency_from_title("[云川市人民政府]2012年云川市人民政府信息公开工作年报") == "云川市人民政府"
    assert (
        agency_from_title("云川市粮食局东城分局关于2011年度政府信息公开工作年度报告")
        == "云川市粮食局东城分局"
    )


def test_title_taken_from_its_cell_in_a_page_header_row():
    text = "名称 | 云川市政府办公室2014年政府信息公开年度报告 | ||\n索引号 | 0001/2015-00056 |\n正文……"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.title, meta.agency) == ("云川市政府办公室2014年政府信息公开年度报告", "云川市政府办公室")


def test_agency_from_a_sentence_naming_the_report_when_there_is_no_title():
    doc = Document(path="p.txt", text="依据《条例》，现公布2012年凤溪镇政府信息公开工作年度报告。一、概述")
    assert read_metadata(doc).agency == "凤溪镇"


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        # Two verbs before the name: it follows the last one.
        ("按照《条例》要求，编制本报告并向社会公开桥溪乡2019年政府信息公开工作年度报告。", "桥溪乡"),
        # 编制形成: the year comes after both words.
        ("根据有关规定，编制形成2021年云川市人民政府办公室政府信息公开年度报告。", "云川市人民政府办公室"),
        # 人民政府 sharing 政府 with the report's own words.
        ("现公布2013年凤溪镇人民政府信息公开工作年度报告。", "凤溪镇人民政府"),
        # A report called 信息公开工作年度报告 alone.
        ("现特向社会公布2024年度云川市市场监督管理局信息公开工作年度报告。", "云川市市场监督管理局"),
    ],
)
def test_agency_from_a_sentence_is_the_name_right_before_the_report(sentence, agency):
    assert read_metadata(Document(path="p.txt", text=sentence + "一、总体情况")).agency == agency


def test_a_sentence_naming_the_report_in_title_marks_outranks_a_self_reference():
    text = "按照要求,现向社会公开《桥溪区人民政府2022年度政府信息公开工作年度报告》。本区坚持依法公开。"
    assert read_metadata(Document(path="p.txt", text=text)).agency == "桥溪区人民政府"


def test_a_report_title_ending_in_its_site_s_name_names_the_report_s_agency():
    assert (
        agency_from_title("云川县教育局2021年政府信息公开工作年度报告_云川县人民政府网站") == "云川县教育局"
    )
    assert agency_from_title("2021年政府信息公开工作年度报告-云川县人民政府") == ""


@pytest.mark.parametrize(
    "text",
    [
        # A name that starts with its level's word has lost its place.
        "本年报是由县交通运输局编制的2017年度政府信息公开年度报告。",
        # A kind of agency, no agency.
        "根据《条例》规定,向社会公布2014年度政府职能部门信息公开年度报告。",
    ],
)
def test_a_sentence_naming_no_placed_agency_gives_no_agency(text):
    assert read_metadata(Document(path="p.txt", text=text)).agency == ""


def test_township_whose_name_ends_in_its_unit_word_is_a_government():
    assert region_and_level("云川县桥镇镇人民政府") == ("云川县桥镇镇", "township")


def test_pinyin_readings_after_characters_do_not_hide_the_report():
    from metrics.extract.detect import detect_format

    text = "政府信息公開(kāi)工作年度報(bào)告\n主動(dòng)公開(kāi)政府信息12條"
    assert detect_format(Document(path="p.txt", text=text)) == "legacy_prose"


def test_agency_from_titles_saying_xinxi_gongkai_or_qingkuang_baogao():
    assert agency_from_title("云川市公安局2012年信息公开年度报告") == "云川市公安局"
    assert agency_from_title("2014年云川市民政局政府信息公开工作情况报告") == "云川市民政局"


def test_customs_reports_named_after_their_own_rules_name_the_customs_once():
    assert agency_from_title("云川海关2015年海关政府信息公开年度报告") == "云川海关"
    assert agency_from_title("海关总署2016年海关政府信息公开工作年度报告") == "海关总署"
    assert agency_from_title("2015年云川海关政府信息公开年度报告") == "云川海关"


def test_title_cell_of_a_metadata_block_loses_its_separator():
    doc = Document(
        path="x.txt", text="正文", page_meta={"标题": "| 云川市国土资源局2015年政府信息公开年度报告"}
    )
    assert read_metadata(doc).agency == "云川市国土资源局"


@pytest.mark.parametrize(
    "line",
    [
        "2011年云川区卫生局政府信息公开年报 一、引言 本年报是根据《条例》要求编制的。",
        "- 中文名:云川区卫生局2011年政府信息公开工作年度报告",
        "1、 云川区卫生局 2011 年度 政府信息公开工作年度报告 本报告是根据条例要求编制的。",
    ],
)
def test_title_at_the_start_of_a_longer_line_or_after_a_field_label(line):
    meta = read_metadata(Document(path="x.txt", text=line + "\n正文"))
    assert (meta.agency, meta.year) == ("云川区卫生局", 2011)


def test_a_report_named_in_a_sentence_with_text_after_it_is_not_a_title():
    doc = Document(path="x.txt", text="现将我局2014年政府信息公开情况报告如下。\n一、主动公开")
    assert read_metadata(doc).agency == ""


def test_agency_from_the_sentence_saying_who_compiled_the_report():
    doc = Document(
        path="p.txt", text="本年报是根据《条例》要求,由云川市教育局编制的2011年度政府信息公开年度报告。"
    )
    assert read_metadata(doc).agency == "云川市教育局"


def test_page_field_value_stops_where_the_next_field_on_its_line_begins():
    from metrics.readers.page_meta import read_page_meta

    meta = read_page_meta("来源:青岚县人民政府办公室 时间:2024-01-31\n正文")
    assert meta["来源"] == "青岚县人民政府办公室"


def test_a_page_index_printed_as_a_row_of_field_names_over_a_row_of_values_gives_its_fields():
    from metrics.readers.page_meta import read_page_meta

    meta = read_page_meta(
        "索引号 | 公开方式 | 发布机构 |\n1162/2010-00023 | 主动公开 | 青岚县石桥镇人民政府 |\n正文"
    )
    assert (meta["索引号"], meta["发布机构"]) == ("1162/2010-00023", "青岚县石桥镇人民政府")
    # Rows of other lengths, or a row naming one field, are no index.
    assert read_page_meta("发布机构 | 日期\n青岚县石桥镇人民政府\n正文") == {}
    assert read_page_meta("项目 | 发布机构\n合计 | 12\n正文") == {}


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("青岚县人民政府外事办公室政府信息公开工作2022年度报告", "青岚县人民政府外事办公室"),
        ("2023年度沅江路街道信息公开工作报告", "沅江路街道"),
        ("公报标题云川市卫健委2019年政府信息公开工作年度报告", "云川市卫健委"),
        ("云川市应急管理局2025年政府信息公开工作年度报告(文字版)", "云川市应急管理局"),
        ("青岚县2012年政府信息公开年度报告青岚县2012年政府信息公开年度报告", "青岚县"),
        ("青岚县食品药品监管局2011年信息公开年度报告解读", "青岚县食品药品监管局"),
        ("青岚县人民政府办公室2023年政府信息公开工作年度报告统计表", "青岚县人民政府办公室"),
        ("云川市财政局2021年政府信息公开工作年度报告附件1", "云川市财政局"),
        # A space inside the title's words.
        ("青岚县文化和旅游局2025年度政府信息 公开工作年度报告", "青岚县文化和旅游局"),
    ],
)
def test_more_title_shapes_name_their_agency(title, agency):
    assert read_metadata(Document(path="x.txt", text=f"{title}\n正文")).agency == agency


def test_a_pdf_title_whose_year_digits_moved_away_is_no_title():
    # A 年 left alone where the year was: the digits stand elsewhere in the line.
    text = "年云川市环境保护局政府信息公开工作2009年度报告\n一、概述\n本局依法公开。"
    assert read_metadata(Document(path="x.txt", text=text)).title == ""


def test_a_field_label_above_the_title_is_no_agency_name_but_an_agencys_name_is():
    text = "主题分类\n2010年政府信息公开年度报告\n正文"
    assert read_metadata(Document(path="x.txt", text=text)).agency == ""
    text = "青岚县人民政府机关\n2020年政府信息公开工作年度报告\n正文"
    assert read_metadata(Document(path="x.txt", text=text)).agency == "青岚县人民政府机关"


def test_an_index_number_and_dates_on_lines_of_their_own_are_no_part_of_the_title():
    text = "014178686/2023-00003\n政府信息公开年报\n青岚县教育局\n2023-01-13\n有效\n\n青岚县教育局2022年政府信息公开工作年度报告\n一、总体情况"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.year) == ("青岚县教育局", 2022)


def test_a_sentence_publishing_the_years_disclosure_work_names_the_agency():
    doc = Document(
        path="x.txt", text="现公布2022年青岚县自然资源和规划局政府信息公开工作情况。\n一、总体情况"
    )
    assert read_metadata(doc).agency == "青岚县自然资源和规划局"


def test_a_source_field_labelled_information_source_names_the_agency():
    from metrics.readers.page_meta import read_page_meta

    text = "信息来源:云川市民政局\n一、总体情况\n本局依法公开。"
    doc = Document(path="x.txt", text=text, page_meta=read_page_meta(text))
    assert read_metadata(doc).agency == "云川市民政局"


def test_a_source_field_after_another_field_on_its_line_names_the_agency():
    from metrics.readers.page_meta import read_page_meta

    text = (
        "发布日期:2021-01-15 来源:谷城县发展和改革局 | 【字号:大 中 小】 |\n现编制并公布本单位2020年度报告。"
    )
    meta = read_page_meta(text)
    assert (meta["发布日期"], meta["来源"]) == ("2021-01-15", "谷城县发展和改革局")
    doc = Document(path="x.txt", text=text, page_meta=meta)
    assert read_metadata(doc).agency == "谷城县发展和改革局"


def test_a_sentence_publishing_the_report_may_give_the_agencys_short_name_in_brackets():
    text = (
        "现公布清远市清新区人民政府办公室(以下简称区政府办公室)2022年政府信息公开工作年度报告。\n一、总体情况"
    )
    assert read_metadata(Document(path="x.txt", text=text)).agency == "清远市清新区人民政府办公室"


def test_index_fields_as_label_and_value_cells_are_read_and_a_placeless_issuer_is_not_the_agency():
    from metrics.readers.page_meta import read_page_meta

    meta = read_page_meta("来 源: | 云川市统计局 | 发布机构: | 区政府办 |\n正文")
    assert (meta["来源"], meta["发布机构"]) == ("云川市统计局", "区政府办")
    doc = Document(path="x.txt", text="正文", page_meta={"发布机构": "区政府办"})
    assert read_metadata(doc).agency == ""


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("本报告由青岚县教育局根据《中华人民共和国政府信息公开条例》规定编制。", "青岚县教育局"),
        ("本年度报告由青岚县司法\n局编制。", "青岚县司法局"),
        ("由青岚县青岚县发展和改革委员会编制。", "青岚县发展和改革委员会"),
        ("如对本报告有疑问,请与青岚县石桥镇人民政府联系。", "青岚县石桥镇人民政府"),
        ("如对本报告有疑问,请联系青岚县石桥镇政府,地址:石桥镇新兴街1号。", "青岚县石桥镇政府"),
        ("青岚县教育体育局现向社会公开《2023年政府信息公开工作年度报告》。", "青岚县教育体育局"),
        ("本年度报告由青岚市统计局围绕2020年度政府信息公开工作情况编制而成。", "青岚市统计局"),
        ("本年报由青岚市营商环境建设局(市行政审批局)负责编制并向社会公开。", "青岚市营商环境建设局"),
        ("根据有关要求,结合工作实际,青岚县水务局编制了2024年度政府信息公开工作年度报告。", "青岚县水务局"),
        ("根据有关要求,现将青岚省地震局2023年政府信息公开工作年度情况报告如下。", "青岚省地震局"),
        (
            "用微信扫描二维码分享\n2016年度青岚市商务局政府信息公开工作年度报告是根据《条例》要求编制而成。",
            "青岚市商务局",
        ),
        (
            "| 发布单位 | 市环保局 |\n青岚市环境保护局2016年度政府信息公开工作报告?\n??\n正文。",
            "青岚市环境保护局",
        ),
        ("《2020年度青岚县水务局信息公开工作年度报告》已经研究同意,现予公开发布。", "青岚县水务局"),
        (
            "根据规定,现公开青岚市石桥区人民政府2024年政府信息公开工作年度报告。\n2024年,石桥区坚持依法公开。",
            "青岚市石桥区人民政府",
        ),
        ("2017年青岚县石桥街道根据上级要求做好公开工作。", "青岚县石桥街道"),
        ("2021年,青岚县农业农村局以群众需求为导向做好公开工作。", "青岚县农业农村局"),
        ("??2025年,青岚县人民政府办公厅坚持依法公开。", "青岚县人民政府办公厅"),
    ],
)
def test_a_page_without_a_title_names_its_agency_in_more_wordings(text, agency):
    assert read_metadata(Document(path="x.txt", text=text)).agency == agency


def test_a_title_calling_itself_the_report_on_disclosure_names_its_agency():
    doc = Document(path="x.txt", text="青岚县石桥乡人民政府2011年度信息公开的报告\n正文")
    assert read_metadata(doc).agency == "青岚县石桥乡人民政府"


def test_agency_type_is_a_metadata_field():
    doc = Document(path="x.txt", text="云川市石桥县公安局2013年度政府信息公开工作报告\n正文")
    assert read_metadata(doc).agency_type == "公安局"


def test_title_records_that_it_gave_the_agency_and_year():
    meta = read_metadata(Document(path="x.txt", text="云川市民政局2013年度政府信息公开工作报告\n正文"))
    assert (meta.agency_source, meta.year_source) == ("title", "title")


def test_crawler_folder_name_gives_agency_and_year_without_its_serial_number():
    doc = Document(
        path="/crawl/80576_云川市林业局2012年度政府信息公开工作年度报告/page.txt", text="一、概述\n正文"
    )
    meta = read_metadata(doc)
    assert (meta.agency, meta.year, meta.agency_source, meta.year_source) == (
        "云川市林业局",
        2012,
        "folder_name",
        "folder_name",
    )


def test_subject_of_the_first_sentence_names_the_agency():
    text = '一、概述\n云川县环境保护局(以下简称"我局")2012年认真贯彻《条例》。'
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.agency_source) == ("云川县环境保护局", "first_sentence")


def test_title_run_into_the_first_sentence_gives_the_agency():
    text = "云川县2009年政府信息公开工作年度报告(以下简称年报)根据《条例》编制。全文包括概述。"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.year) == ("云川县", 2009)


def test_self_reference_resolves_to_the_full_name_printed_elsewhere():
    text = (
        "2009年度信息公开工作报告\n2009年,我局认真开展信息公开工作。\n我局严格按照《云川县水利局信息公开工作方案》"
        "办理。\n云川县水利局\n二○一○年三月三十日"
    )
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.agency_source, meta.year) == ("云川县水利局", "self_reference", 2009)


def test_a_site_address_before_the_name_above_the_title_is_dropped():
    text = "www.example.cn石桥镇\n2008年政府信息公开工作年度报告\n正文"
    assert read_metadata(Document(path="x.txt", text=text)).agency == "石桥镇"


def test_a_cover_notice_publishing_the_report_gives_the_reports_agency():
    text = "云川市人民政府办公室关于公布\n云川市2009年度政府信息公开工作年度报告的通知\n各县人民政府:"
    assert read_metadata(Document(path="x.txt", text=text)).agency == "云川市"


def test_issuer_field_names_the_agency_but_a_website_source_does_not():
    doc = Document(path="x.txt", text="正文", page_meta={"发布机构": "云川市统计局"})
    assert (read_metadata(doc).agency, read_metadata(doc).agency_source) == ("云川市统计局", "page_field")
    assert read_metadata(Document(path="x.txt", text="正文", page_meta={"来源": "本站原创"})).agency == ""


def test_places_that_disagree_raise_an_info_flag_and_the_title_is_kept():
    doc = Document(
        path="/crawl/云川市林业局2011年度政府信息公开工作年度报告.txt",
        text="云川市林业局2012年度政府信息公开工作年度报告\n正文",
    )
    meta = read_metadata(doc)
    assert meta.year == 2012
    assert [(f.code, f.severity) for f in meta.flags] == [("metadata_year_disagrees", "info")]


def test_a_name_with_or_without_its_government_word_is_no_disagreement():
    doc = Document(
        path="x.txt",
        text="石桥镇2012年度政府信息公开工作年度报告\n正文",
        page_meta={"发布机构": "石桥镇人民政府"},
    )
    assert read_metadata(doc).flags == []


def test_the_name_before_the_year_keeps_its_government_word():
    assert agency_from_title("东岭镇政府2022年信息公开工作年度报告") == "东岭镇政府"
    assert agency_from_title("西坪乡人民政府2019年度政府信息公开年度工作报告") == "西坪乡人民政府"


def test_a_title_of_report_words_alone_names_no_agency():
    assert agency_from_title("关于2021年度政府信息公开工作的年度报告") == ""
    assert agency_from_title("2022年政府信息公开工作年度报告") == ""


def test_a_breadcrumb_is_no_title():
    text = "首页/ 政府信息公开 / 政府信息公开年报 / 镇街 / 2021年 / 正文\n\n南湾镇2021年政府信息公开工作年度报告\n一、总体情况"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.title, meta.agency) == ("南湾镇2021年政府信息公开工作年度报告", "南湾镇")


def test_a_pdf_viewers_page_header_is_not_part_of_the_title():
    text = "Page 3 - 云川市石桥区档案局2022年政府信息公开工作年度报告\nP. 3\n四、行政复议"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.title, meta.agency) == (
        "云川市石桥区档案局2022年政府信息公开工作年度报告",
        "云川市石桥区档案局",
    )


def test_the_reports_own_heading_with_the_agency_is_preferred_to_a_nameless_site_title():
    text = (
        "2022年政府信息公开工作年度报告\n石桥县东岭镇人民政府\n2022年政府信息公开工作年度报告\n一、总体情况\n"
        "2022年,东岭镇人民政府认真贯彻《条例》。我镇修订了《东岭镇信息公开工作制度》。"
    )
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.agency_source) == ("石桥县东岭镇人民政府", "title")


def test_a_named_title_after_the_body_begins_is_not_the_reports():
    text = (
        "关于2021年度政府信息公开工作的年度报告\n一、总体情况\n本年度工作有序开展。\n"
        "云川市民政局2020年政府信息公开工作年度报告"
    )
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.title, meta.agency) == ("关于2021年度政府信息公开工作的年度报告", "")


def test_a_heading_whose_report_words_came_out_of_order_is_still_the_title():
    text = "政府信息公开\n\n石桥县北岭镇2023年政府信息公开 工作告年度报\n\n来源:石桥县人民政府办公室\n一、总体情况"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.year) == ("石桥县北岭镇", 2023)


def test_title_in_the_wording_zhengwu_xinxi_gongkai_gongzuo_baogao():
    text = "当前位置:首页 > 年报\n\n北岭镇2025年度政务信息公开工作报告\n\n2025年度,北岭镇政府坚持按照要求开展工作。"
    assert read_metadata(Document(path="x.txt", text=text)).agency == "北岭镇"


def test_a_second_verb_before_the_reports_self_name_is_no_agency():
    text = "根据《条例》规定,现编制并公布本单位2024年政府信息公开工作年度报告,接受社会监督。"
    assert read_metadata(Document(path="x.txt", text=text)).agency == ""


def test_a_bulleted_breadcrumb_is_not_the_title_when_the_heading_with_the_year_follows():
    text = "\n".join(
        [
            "当前位置：",
            "• 首页",
            "• 政府信息公开",
            "• 示例县市场监督管理局",
            "• 政府信息公开年报",
            "示例县市场监督管理局2023年度政府信息公开工作年度报告",
            "来源：示例县市场监督管理局 时间：2024-01-31 16:52",
        ]
    )
    meta = read_metadata(Document(path="page.txt", text=text))
    assert meta.title == "示例县市场监督管理局2023年度政府信息公开工作年度报告"
    assert (meta.agency, meta.year) == ("示例县市场监督管理局", 2023)


def test_every_demo_agency_name_gives_its_region_level_and_kind():
    agencies = catalogue() + list(itertools.islice(synthetic_agencies(), 400))
    wrong = []
    for a in agencies:
        printed_region = a.name.removesuffix(a.kind) if not a.is_government else a.name
        printed_region = printed_region.removesuffix("人民政府").removesuffix("办事处")
        got = (*region_and_level(a.name), agency_type(a.name))
        if got != (printed_region, a.metadata_level, a.kind):
            wrong.append((a.name, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "region", "level", "kind"),
    [
        ("云川市市场监督管理局", "云川市", "city_department", "市场监督管理局"),
        ("云川市住房和城乡建设局", "云川市", "city_department", "住房和城乡建设局"),
        ("石桥县市场监督管理局", "石桥县", "county_department", "市场监督管理局"),
        ("石桥县城市管理局", "石桥县", "county_department", "城市管理局"),
        ("杭州市余杭区乡村振兴局", "杭州市余杭区", "county_department", "乡村振兴局"),
        ("广州市市政园林局", "广州市", "city_department", "市政园林局"),
        ("云川市政务服务和大数据管理局", "云川市", "city_department", "政务服务和大数据管理局"),
        ("云川市民政局", "云川市", "city_department", "民政局"),
        ("壶镇镇人民政府", "壶镇镇", "township", "人民政府"),
        ("澜湾区望月街道办事处", "澜湾区望月街道", "township", "街道办事处"),
    ],
)
def test_unit_characters_inside_department_words_do_not_end_a_region(name, region, level, kind):
    assert (*region_and_level(name), agency_type(name)) == (region, level, kind)


def test_a_township_speaking_of_itself_is_named_by_its_governments_signature():
    text = "2014年,我镇主动公开政府信息160条。\n我镇将进一步改进工作。\n石门坝镇人民政府\n2015年1月20日"
    meta = read_metadata(Document(path="x.txt", text=text))
    assert (meta.agency, meta.agency_source, meta.level) == ("石门坝镇人民政府", "self_reference", "township")


@pytest.mark.parametrize(
    ("name", "region", "level", "kind"),
    [
        ("興國縣良村鎮", "興國縣良村鎮", "township", "人民政府"),
        ("遂溪縣北坡鎮人民政府", "遂溪縣北坡鎮", "township", "人民政府"),
        ("宣州區衛生和計劃生育委員會", "宣州區", "county_department", "衛生和計劃生育委員會"),
        ("上海市科委（上海市科学技术委员会）", "上海市", "province_department", "科委"),
        ("高新区(新市区)", "高新区", "county", "人民政府"),
    ],
)
def test_traditional_characters_and_a_bracketed_other_name_do_not_hide_the_region(name, region, level, kind):
    assert (*region_and_level(name), agency_type(name)) == (region, level, kind)


WIDE = Path(__file__).parent / "corpus" / "wide"
LEVELS = set(ui_text.CODES["zh"]["level"])
# Names in the wide corpus that print no place at all (a bureau named alone, a park, a national ministry).
NAMES_WITHOUT_A_PLACE = {
    "林业局",
    "蒲纺工业园区",
    "国家卫生健康委",
    "教育局",
    # Places printed without their unit (南谯 for 南谯区, 海南 for 海南省), or none at all.
    "南谯工业开发区",
    "桃园开发区管委会",
    "勐腊(磨憨)重点开发开放试验区",
    "园艺场",
    "国家林业和草原局",
    "开发区(白洋街道)",
    "怀远二中",
    "海南海事局",
    "莆田第二中学",
    "蚌埠经济开发区管理委员会",
    "太和中学",
    "宜良工业园区管委会",
    "峨眉山景区管委会",
    "淮安工业园区",
    "西宁经济技术开发区",
    "滨州北海经济开发区",
    "泉港生态环境局",
    "中国(河北)自由贸易试验区雄安片区管理委员会",
    "北京大兴国际机场临空经济区(廊坊)管理委员会",
    "北京经济技术开发区管理委员会",
    "三门沿海工业城管委会",
    "湖南衡山萱洲国家湿地公园管理处",
    "湛江海关",
    "国家税务总局芜湖市镜湖区税务局",  # a national administration's bureau, its name first
    "大连长兴岛经济技术开发区长兴岛街道",
    "牡市文化广电新闻出版局",  # 牡丹江市 shortened
    "交通运输部",  # a ministry: the whole country
    "司法部",
    "海关总署",
    "广州海关",  # customs and maritime bureaus named by their city or province without its unit
    "广东海事局",
    "连云港海事局",
    "国家税务总局广西壮族自治区税务局",
    "淄博高新技术产业开发区发展改革局",  # 淄博 without 市
    "锡盟商务局",  # 锡林郭勒盟 shortened
    "区煤管局",  # a district's bureau named without the district
    "自然资源部",
    "罗源湾开发区",
    "连云港经济技术开发区管理委员会",  # 连云港 without 市
    "城南办事处、城南园区",  # a street office and a park reporting together, named without their county
    "东风场",  # a state farm named by itself
    # A central body's local bureau names its place after the body's name; parks named by themselves.
    "国家税务总局宜昌市西陵区税务局",
    "国家税务总局珠海市香洲区税务局",
    "百口泉产业园区管理委员会",
    "苏银产业园管理委员会",
    "启东经济开发区",
    "永川高新技术产业开发区管理委员会",
    "重庆合川工业园区管理委员会",
    "临汾经济开发区",  # 临汾 for 临汾市, 乳山 for 乳山市…
    "乳山经济开发区管理委员会",
    "葫芦岛高新技术产业开发区",
    "融侨开发区管委会",
    "运城经济技术开发区",
    # Zones and their bodies named by a city without its unit word (天津, 重庆, 武汉) or by a scenic area.
    "九华山风景区管委会发展规划处",
    "亳州高新技术产业开发区管理委员会",
    "南通外向型农业综合开发区(苴镇街道)",
    "天津经济技术开发区",
    "岳阳高新技术产业园区管委会",
    "武汉东湖新技术开发区",
    "番禺经济技术开发区管委会",
    "精河工业园区管理委员会",
    "漳州古雷港经济开发区",
    "辽滨沿海经济技术开发区管理委员会",
    "赣州经济技术开发区党政办公室",
    "重庆高新技术产业开发区管理委员会办公室",
    "重庆高新技术产业开发区融媒体中心",
    "重庆黔江高新技术产业开发区管理委员会",
}


DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def corpus_agencies() -> list[str]:
    """Agency names as the wide corpus's reports print them (names the index guessed are bracketed),
    and the development corpus's where it is at hand."""
    names = set()
    for index in [*WIDE.rglob("index.csv"), *DEV.glob("*index.csv")]:
        with index.open(encoding="utf-8-sig", newline="") as f:
            names |= {row["agency"] for row in csv.DictReader(f) if row.get("agency")}
    return sorted(n for n in names if not n.startswith("(") and " " not in n)


def test_every_corpus_agency_name_gives_a_printed_region_and_a_level():
    names = corpus_agencies()
    assert len(names) >= 80
    wrong = []
    for name in names:
        region, level = region_and_level(name)
        if name in NAMES_WITHOUT_A_PLACE:
            ok = region == ""
        else:
            ok = bool(region) and name.startswith(region) and level in LEVELS
        if not ok:
            wrong.append((name, region, level))
    assert wrong == []


def test_a_publication_date_in_the_first_half_year_at_the_head_dates_the_report_to_the_year_before():
    # A page whose title was lost: the agency's name and the publication date head the text.
    text = "示例市环境保护局\n2010年2月10日\n引 言\n本年度报告根据《条例》要求编制。\n一、概述\n本局依法公开政府信息。"
    assert read_metadata(Document(path="r.txt", text=text)).year == 2009


def test_a_date_late_in_the_year_at_the_head_does_not_date_the_report_to_the_year_before():
    text = "示例市环境保护局\n2010年11月10日\n本局依法公开政府信息。"
    assert read_metadata(Document(path="r.txt", text=text)).year == 2010


@pytest.mark.parametrize(
    ("path", "properties_title", "expected"),
    [
        # A scan whose OCR lost the title line; the PDF's /Title (Word fills it with the first line)
        # names the report.
        (
            "scan_0012.pdf",
            "示例县财政局2017年政府信息公开工作年度报告",
            ("示例县财政局", 2017, "document_properties"),
        ),
        # An editor's default title names no report: the file's name does.
        (
            "示例县财政局2017年政府信息公开工作年度报告.pdf",
            "Microsoft Word - 文档1 2016",
            ("示例县财政局", 2017, "file_name"),
        ),
    ],
)
def test_the_files_title_property_names_agency_and_year_only_where_it_is_a_reports_name(
    path, properties_title, expected
):
    doc = Document(path=path, text="一、总体情况\n本局依法公开政府信息。", properties_title=properties_title)
    meta = read_metadata(doc)
    assert (meta.agency, meta.year, meta.agency_source) == expected


def test_a_document_number_above_the_title_is_no_part_of_its_name_or_year():
    text = "2012年政府信息公开工作年度报告\n\n南政发[2013]05\n\n云川乡人民政府\n\n2012年政府信息公开工作年度报告\n\n根据《条例》要求,特向社会公布。"
    meta = read_metadata(Document(path="p.txt", text=text))
    assert (meta.agency, meta.year) == ("云川乡人民政府", 2012)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "依据《条例》,结合本单位实际,现编制形成了《示范网@:云溪镇人民政府2023年政府信息公开工作年度报告》。\n一、总体情况",
            ("云溪镇人民政府", "quoted_title"),
        ),
        (
            "本年度报告根据《条例》要求,由青岚市人力资源和社会保障局编制。全文包括概述。",
            ("青岚市人力资源和社会保障局", "compiler"),
        ),
        (
            "根据《条例》要求,由石桥县人民政府办公室编制。如有疑问,请联系。",
            ("石桥县人民政府办公室", "compiler"),
        ),
        # A township's office publishes no report of its own: the township's.
        ("根据《条例》要求,由云溪乡人民政府办公室编制。", ("云溪乡人民政府", "compiler")),
        ("本报告由云溪镇人民政府党政办公室编制。", ("云溪镇人民政府", "compiler")),
        (
            "一、总体情况\n2022年,云川区财政局认真贯彻落实《条例》,做好主动公开工作。",
            ("云川区财政局", "year_subject"),
        ),
        (
            "一、概述\n2015年,青岚市按照省政府工作要求,认真贯彻执行《条例》。",
            ("青岚市", "year_subject"),
        ),
        (
            "如对本报告有任何疑问,请与云川市财政局办公室联系(电话:0000-1234567)。",
            ("云川市财政局", "contact"),
        ),
        (
            "依法做好答复工作。2022年,石桥市政府办公室共受理政府信息公开申请12件。",
            ("石桥市政府办公室", "year_subject"),
        ),
        (
            "如对本报告有疑问,可与石桥县水利局政府信息公开工作领导小组办公室联系。",
            ("石桥县水利局", "contact"),
        ),
        # The list of contents names whose they are, in full where the overview shortens the name.
        (
            "全文包括云川旗石桥苏木人民政府信息公开总体情况,主动公开政府信息情况。\n一、总体情况\n"
            "2023年,石桥苏木认真贯彻《条例》。",
            ("云川旗石桥苏木人民政府", "contents"),
        ),
        (
            "全文包括云川旗卫生健康委员会政府信息公开总体情况。\n一、总体情况\n2023年,云川旗卫生健康委认真落实。",
            ("云川旗卫生健康委员会", "contents"),
        ),
        ("本报告由云溪镇人民政府按照《条例》要求编制。", ("云溪镇人民政府", "compiler")),
        (
            "按照《条例》,云川省交通运输厅编制了本级行政机关2019年政府信息公开工作年度报告。",
            ("云川省交通运输厅", "compiler"),
        ),
        (
            "根据通知要求,云川县市场监督管理局结合单位实际,编制本单位2022年度政务公开工作年度报告。",
            ("云川县市场监督管理局", "compiler"),
        ),
        (
            "一、总体情况\n2022年,云川省退役军人事务厅准确把握新要求。",
            ("云川省退役军人事务厅", "year_subject"),
        ),
        (
            "一、总体情况\n石桥区医疗保障局2023年为深入推进公开工作,认真贯彻《条例》。",
            ("石桥区医疗保障局", "year_subject"),
        ),
        (
            "云川市石桥区司法局(区行政复议局)根据《条例》等规定编制本报告。报告包括总体情况。",
            ("云川市石桥区司法局", "compiler"),
        ),
        ("一、总体情况\n今年以来,云川县审计局认真贯彻落实《条例》。", ("云川县审计局", "year_subject")),
        (
            "(二)依申请公开\n2024年,云川县交通运输局收到政府信息公开申请2件。",
            ("云川县交通运输局", "year_subject"),
        ),
        # The first subject names no place; the next sentence's does.
        (
            "一、总体情况\n2024年,市财政局认真贯彻落实《条例》。\n(一)主动公开\n"
            "2024年云川市财政局在云川市政府门户网站上公开信息12条。",
            ("云川市财政局", "year_subject"),
        ),
    ],
)
def test_a_body_without_a_title_names_its_agency_in_its_opening_prose(text, expected):
    meta = read_metadata(Document(path="page.txt", text=text))
    assert (meta.agency, meta.agency_source) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "2022年,县委县政府高度重视政府信息公开工作。",
        "2022年,全区各级行政机关认真贯彻《条例》。",
        "2022年,区财政局认真贯彻落实《条例》。",  # no place: which 区 is unknown
        "由石桥县人民政府厚桥街道党政办公室综合科编制。",  # a section of an office, no agency
        "根据《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求编制。",
        # A government's office, or a body answering for a government, may answer for another's report.
        "如对本报告有任何疑问,请与云川市人民政府办公室联系。",
        "如对本报告有任何疑问,请与石桥县政务服务和数据管理局联系。",
        "一、总体情况\n2022年,实验区管委会办公室坚持依法公开。",  # a zone called by its kind alone
    ],
)
def test_prose_naming_no_single_placed_agency_gives_none(opening):
    meta = read_metadata(Document(path="page.txt", text=opening + "\n一、总体情况\n本年度主动公开信息12条。"))
    assert meta.agency == ""


def test_prose_is_read_for_the_agency_only_where_no_other_place_names_one():
    text = "云川市民政局2022年政府信息公开工作年度报告\n2022年,云川市人民政府认真贯彻《条例》。"
    meta = read_metadata(Document(path="page.txt", text=text))
    assert (meta.agency, meta.agency_source, meta.flags) == ("云川市民政局", "title", [])


def test_a_place_printed_twice_before_the_name_is_read_once():
    text = "本报告由青岚市石桥区青岚市石桥区发展和改革委员会编制的2013年度政府信息公开年度报告。"
    assert read_metadata(Document(path="page.txt", text=text)).agency == "青岚市石桥区发展和改革委员会"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("云城市人民政府办公室", ("云城市", "city")),  # a city named …城
        ("云城市城市管理局", ("云城市", "city_department")),
        ("云川区城市管理局", ("云川区", "county_department")),  # 城市 of a department's name
        ("石桥市政府办公室", ("石桥市", "city_department")),  # a city's 政府, no 市政 department
        ("石桥市市政工程管理处", ("石桥市", "city_department")),
        ("青岚省省级机关事务管理局", ("青岚省", "province_department")),  # the province's own level
        ("云川县壶镇镇人民政府", ("云川县壶镇镇", "township")),  # a name ending in its unit's word
    ],
)
def test_city_names_ending_in_cheng_and_a_citys_government_keep_their_place(name, expected):
    assert region_and_level(name) == expected


def test_a_sentence_naming_the_report_of_the_administrative_body_itself_names_no_agency():
    text = "根据《条例》,现公布本行政机关的政府信息公开工作年度报告。\n一、概述\n本局依法公开政府信息。"
    assert read_metadata(Document(path="p.txt", text=text)).agency == ""


def test_an_inner_mongolian_sumu_is_a_township():
    assert region_and_level("科右中旗哈日苏木人民政府") == ("科右中旗哈日苏木", "township")


@pytest.mark.parametrize(
    "text, expected",
    [
        # A document number in small tortoise-shell brackets above the title.
        (
            "云政﹝2011﹞6号\n云溪乡2010年度政府信息公开工作年度报告\n县政府办:\n本报告根据《条例》编制。",
            ("云溪乡", 2010),
        ),
        # The title in a header field whose label is spaced out, in the wording 工作开展年度报告.
        (
            "标      题 青岚省审计厅2025年政务信息公开工作开展年度报告\n索引号 000/2026-00021\n一、总体情况",
            ("青岚省审计厅", 2025),
        ),
        # A title saying only 信息公开报告 after its year.
        (
            "青岚省机关事务管理局2008年度信息公开报告\n一、概述\n本局依法公开政府信息。",
            ("青岚省机关事务管理局", 2008),
        ),
        # A date the page prints after the title on its line.
        (
            "2010年青岚市石桥区云溪街道办事处政府信息公开工作年度报告 2011-01-28\n一、概述\n本街道依法公开。",
            ("青岚市石桥区云溪街道办事处", 2010),
        ),
    ],
)
def test_a_title_among_a_pages_furniture_gives_its_agency_and_year(text, expected):
    meta = read_metadata(Document(path="p.txt", text=text))
    assert (meta.agency, meta.year, meta.agency_source) == (*expected, "title")


def test_a_date_in_brackets_after_the_title_is_no_part_of_the_agency():
    text = (
        "2012年青岚市发展和改革委员会政府信息公开年报 ( 2013年02月25日 )\n引言\n本年度报告根据《条例》编制。"
    )
    meta = read_metadata(Document(path="page.txt", text=text))
    assert (meta.agency, meta.year) == ("青岚市发展和改革委员会", 2012)


@pytest.mark.parametrize(
    "title",
    [
        "发布日期 2024-01-16 主题词 政府信息公开工作年度报告",
        "索 引 号 | yz/2024-00128 | 发布机构 | 云川市人民政府办公室部门信息公开年度报告",
        "云川县 林业 草原 2021 政府信息 公开 开工 年度报告",
    ],
)
def test_a_title_line_of_page_fields_or_garbled_words_names_no_agency(title):
    assert agency_from_title(title) == ""


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("公安局2010年政府信息公开工作年度报告\n2010年,靖宇县公安局信息公开工作稳步推进。", "靖宇县公安局"),
        ("审计局2024年政府信息公开工作年度报告\n现将滨湖区审计局2024年度报告公布如下。", "滨湖区审计局"),
        ("文体局2016年度政府信息公开工作年度报告\n2016年鼓楼区文体局按照要求开展工作。", "鼓楼区文体局"),
        # The title keeps its place's unit word only (区文体局).
        ("区文体局2016年度政府信息公开工作年度报告\n2016年鼓楼区文体局按照要求开展工作。", "鼓楼区文体局"),
    ],
)
def test_a_title_naming_its_agency_without_a_place_takes_the_place_the_text_gives_it(text, agency):
    assert read_metadata(Document(path="page.txt", text=text)).agency == agency


def test_a_placeless_name_takes_no_place_that_opens_with_other_words_than_a_real_divisions_name():
    text = "市气象局2017年政府信息公开工作报告\n按照文件精神,紧抓宣城市气象局政务公开权责清单。"
    assert read_metadata(Document(path="page.txt", text=text)).agency == "市气象局"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "一、总体情况\n2024年,在市委、市政府坚强领导下,宣城市退役军人事务局认真贯彻落实条例。",
            "宣城市退役军人事务局",
        ),
        (
            "本报告由临沂市供销合作社联合社按照《中华人民共和国政府信息公开条例》(国务院令第711号)和《国务院办公厅"
            "政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函"
            "〔2021〕30号)及有关法律法规的要求编制。",
            "临沂市供销合作社联合社",
        ),
        (
            "潜江市供销合作社联合社\n2023年政府信息公开工作报告\n为深入贯彻条例,编制本报告。",
            "潜江市供销合作社联合社",
        ),
        (
            "根据条例,现将2021年度镇远县林业局政府信息公开工作报告如下:\n一、2021政府信息公开情况",
            "镇远县林业局",
        ),
    ],
)
def test_agencies_named_after_whose_lead_by_a_long_compilers_sentence_as_cooperatives_or_by_a_place_like_a_level(
    text, agency
):
    assert read_metadata(Document(path="page.txt", text=text)).agency == agency


def test_a_name_holding_a_copying_sites_betting_words_names_no_agency():
    text = "一、总体情况\n2020年,在区委、区政府的正确领导下,新葡京博彩官网区人民政府北京街道办事处认真贯彻落实条例。"
    assert read_metadata(Document(path="page.txt", text=text)).agency == ""


def test_a_placeless_name_keeps_as_printed_where_the_text_places_it_two_ways_or_in_an_address():
    two = "公安局2010年政府信息公开工作年度报告\n靖宇县公安局与白山市公安局共同推进。"
    assert read_metadata(Document(path="page.txt", text=two)).agency == "公安局"
    address = "开发区管委会2015年政府信息公开工作年度报告\n地址:石桥区云溪镇开发区管委会302室。"
    assert read_metadata(Document(path="page.txt", text=address)).agency == "开发区管委会"


def test_a_bureaus_office_compiling_the_report_compiles_its_bureaus():
    text = "本年度报告由云川省地震局办公室编制。\n一、总体情况"
    assert read_metadata(Document(path="page.txt", text=text)).agency == "云川省地震局"


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        (
            "一、总体情况\n2020年,根据《某州人民政府办公室关于编制公布年度报告有关事项的通知》要求,砚山县水务局认真贯彻落实《条例》。",
            "砚山县水务局",
        ),
        (
            "根据《条例》第五十条之规定,特编制昌江区文化局公开年度报告。本报告由主动公开信息情况等部分组成。",
            "昌江区文化局",
        ),
        (
            "一、总体情况\n2020年,县审计局认真贯彻执行《条例》。\n如对本报告有任何疑问,请联系桃江县统计局办公室。",
            "桃江县统计局",
        ),
    ],
)
def test_a_page_without_a_title_names_its_agency_after_a_lead_clause_as_the_report_compiled_or_by_its_office(
    text, agency
):
    assert read_metadata(Document(path="page.txt", text=text)).agency == agency


def test_an_office_answering_questions_for_another_body_names_no_agency():
    text = "一、总体情况\n本年度共收到申请2件。\n如对本报告有任何疑问,请与某县电子政务办公室联系(地址:某县平湖路16号)。"
    assert read_metadata(Document(path="page.txt", text=text)).agency == ""


def test_a_title_below_a_page_header_of_fields_parted_by_dashes_is_found():
    """Field lines parted by lines of dashes ('发布机构…' / '-'), the title after them: each dash is no
    header line, so the title still stands within the header's reach."""
    header = "\n-\n".join(
        [
            "- 乡镇政府信息公开年度工作报告",
            "索引号lx/2026-00000",
            "发布机构青岚县石桥镇",
            "文号",
            "发布日期2026-01-22",
            "时效性有效",
        ]
    )
    text = header + "\n石桥镇人民政府2025年政府信息公开年度报告\n根据《条例》,我镇编制本报告。"
    meta = read_metadata(Document(path="p.txt", text=text))
    assert (meta.agency, meta.year) == ("石桥镇人民政府", 2025)


def test_a_field_label_run_into_a_name_is_no_part_of_it():
    text = "发布机构青岚县石桥镇\n一、总体情况\n2025年,我镇认真贯彻《条例》。"
    assert "发布机构" not in read_metadata(Document(path="p.txt", text=text)).agency


def test_a_department_that_compiled_the_report_outranks_a_document_it_cites():
    """我局 points at the first name in title marks ending in 局, which may be a higher office's document;
    a department saying it compiled the report names itself."""
    text = (
        "本报告根据《条例》的要求,由青岚省石桥县气象局编制。\n一、总体情况\n"
        "2023年,我局按照《青岚省气象局政务公开工作要点》要求,做好政府信息公开工作。"
    )
    assert read_metadata(Document(path="p.txt", text=text)).agency == "青岚省石桥县气象局"
