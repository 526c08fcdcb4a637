from metrics.extract.detect import _STD2021_MARKS, detect_format
from metrics.models import Document, Table
from metrics.normalize import compact


def _doc(text: str, tables=()) -> Document:
    return Document(path="r.txt", text=text, tables=list(tables))


def test_std2021_recognised_by_its_revised_columns():
    text = "二、主动公开政府信息情况\n规章 本年制发件数 本年废止件数 现行有效件数\n一、本年新收政府信息公开申请数量"
    assert detect_format(_doc(text)) == "std2021"


def test_std2019_recognised_by_its_original_columns():
    text = "信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n本年新收政府信息公开申请数量 上年结转政府信息公开申请数量"
    assert detect_format(_doc(text)) == "std2019"


def test_a_2021_report_in_the_2019_tables_with_their_headers_cut_short_is_std2019():
    # A late adopter whose page cut the first table's headers ('本年新') keeps the 2019 columns below.
    text = "信息内容 | 本年新 | 本年新 | 对外公开总数量\n规章 | 0 | 0 | 0\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量"
    assert detect_format(_doc(text), year=2021) == "std2019"
    assert (
        detect_format(_doc("信息内容 | 本年新 | 本年新 | 对外公开总数量\n规章 | 0 | 0 | 0"), year=2021)
        == "std2021"
    )


def test_std_detected_from_a_table_when_the_text_lacks_it():
    grid = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "3"]]
    assert detect_format(_doc("年度报告", [Table(rows=grid, where="table 1")])) == "std2021"


def test_legacy_table_recognised_by_statistics_table():
    text = "政府信息公开情况统计表\n统计指标 单位 统计数\n收到申请数 件 12\n申请答复数 件 12"
    assert detect_format(_doc(text)) == "legacy_table"


def test_prose_report_is_legacy_prose_whatever_its_year():
    text = "石桥县2020年政府信息公开工作年度报告\n全年共受理政府信息公开申请3件,均已按时答复。"
    assert detect_format(_doc(text)) == "legacy_prose"


def test_page_that_is_not_a_report_is_unknown():
    assert detect_format(_doc("欢迎访问本站。今日天气晴。联系我们。")) == "unknown"


def test_traditional_characters_detected_like_simplified():
    assert (
        detect_format(_doc("政府資訊公開情況統計表\n統計指標 單位 統計數\n收到申請數 件 2")) == "legacy_table"
    )


def test_the_2021_wording_survives_normalising_so_finding_it_in_the_raw_text_decides_alike():
    # detect_format looks for the 2021 wording in the text as printed before normalising it; that
    # is only the same decision if normalising (traditional to simplified, punctuation, spacing)
    # keeps each mark, whatever characters stand around it.
    for mark in _STD2021_MARKS:
        assert compact(mark) == mark
        assert mark in compact(f"政府資訊公開（{mark}）統計數")
        assert detect_format(_doc(f"資訊公開統計表 {mark} 件")) == "std2021"
