"""Which of the four layouts a report is in, read from its content (late and early adopters exist)."""

from __future__ import annotations

from metrics.formats import LEGACY_PROSE, LEGACY_TABLE, STD2019, STD2021, UNKNOWN
from metrics.models import Document
from metrics.normalize import compact

# Wording only the 2021 revision of the template uses.
_STD2021_MARKS = ("本年制发件数", "现行有效件数", "本年废止件数", "逾期不补正", "本年收费金额")
# 上一年项目数量 heads section 二's later tables in 2019 only (the 2021 template keeps 本年处理决定数量 alone).
_STD2019_MARKS = ("本年新制作数量", "对外公开总数量", "本年新公开数量", "采购总金额", "上一年项目数量")
_STD_SECTION3 = (
    "本年新收政府信息公开申请",
    "上年结转政府信息公开申请",
    "三安全一稳定",
    "本机关不掌握相关政府信息",
)
# Section 四's table and section 二's article captions: a page that holds only one of them is still
# a page of a standard report.
_STD_SECTION4 = ("未经复议直接起诉", "复议后起诉")
_STD_SECTION2 = ("第二十条第", "信息内容")
# With these rows the whole of section 三 is there, so its lacking the 2021 rows says "2019 template".
_SECTION3_WHOLE = ("其他处理", "结转下年度")
# The first report years of the standard templates.
_STANDARD_FROM = 2019
_STD2021_FROM = 2021
# Row labels and headers of the statistics table, in the 2015 wording and the older one (申请总数,
# 对申请的答复总数, 本期实际 beside 本年累计).
_LEGACY_TABLE_MARKS = (
    "政府信息公开情况统计表",
    "统计指标",
    "申请答复数",
    "同意公开答复数",
    "收到申请数",
    "主动公开政府信息数",
    "申请总数",
    "答复总数",
    "本期实际",
)
_REPORT_MARKS = ("政府信息公开", "政务公开", "信息公开")
_REPORT_TOPICS = ("报告", "年报", "主动公开", "依申请公开")


def detect_format(doc: Document, year: int | None = None) -> str:
    """The layout; `year` decides between the two standard templates when the text holds no wording
    only one of them uses (a page with section 四 alone, an excerpt of section 三)."""
    if any(m in doc.text for m in _STD2021_MARKS):
        # Most reports of recent years print the 2021 wording as it is, and normalising keeps those
        # simplified words, so the whole text and its tables need not be normalised to find them.
        return STD2021
    text = compact(doc.text + "\n" + "\n".join("|".join(r) for t in doc.tables for r in t.rows))
    has_section3 = sum(mark in text for mark in _STD_SECTION3) >= 2
    marks2019 = sum(m in text for m in _STD2019_MARKS)
    if any(m in text for m in _STD2021_MARKS):
        return STD2021
    if marks2019 >= 2 or (has_section3 and _has_all(text, _SECTION3_WHOLE)):
        return STD2019
    if has_section3 or marks2019 or _has_all(text, _STD_SECTION4) or _has_all(text, _STD_SECTION2):
        if year is None:
            return STD2019 if has_section3 or marks2019 else STD2021
        return STD2021 if year >= _STD2021_FROM else STD2019
    if sum(m in text for m in _LEGACY_TABLE_MARKS) >= 2:
        return LEGACY_TABLE
    if any(m in text for m in _REPORT_MARKS) and any(m in text for m in _REPORT_TOPICS):
        if year is not None and year >= _STANDARD_FROM:
            # A page of a standard report that holds none of its tables (the overview, the closing
            # sections): prose reports ended years before the standard templates.
            return STD2021 if year >= _STD2021_FROM else STD2019
        return LEGACY_PROSE
    return UNKNOWN


def _has_all(text: str, marks: tuple[str, ...]) -> bool:
    return all(m in text for m in marks)
