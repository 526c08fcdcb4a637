"""The 政府信息公开情况统计表 of the 2015-2018 reports (format legacy_table), declared once as data.

Columns are 统计指标 | 单位 | 统计数. Each row below names its metric, the labels it is printed
with, its unit and the row it sits under. Labels are in the core form that `core_label` produces:
compact (simplified, ASCII punctuation, no spaces), with numbering (一、 (三) 1.), 其中 prefixes,
parenthesised notes and trailing 数/数量/总数 removed. Provinces word some rows differently, so a
row lists the variants seen; a printed label matches a row when its core form equals a variant.

The same labels (维持具体行政行为数, 被依法纠错数, 其他情形数) recur under 行政复议, 行政诉讼 and 举报投诉:
a row is told apart by the section it sits in, which is why rows carry `section`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from metrics.normalize import compact

LEGACY_TABLE = "legacy_table"


@dataclass(frozen=True)
class LegacyRow:
    metric_id: str
    labels: tuple[str, ...]  # core forms, the usual wording first
    unit: str  # as printed in the 单位 column; money rows are 万元
    section: str  # 一 .. 九
    parent: str = ""  # the metric this row is listed under (a 其中 or numbered sub-row)
    sums_children: bool = False  # the row equals the sum of the rows listed under it


LEGACY_ROWS: tuple[LegacyRow, ...] = (
    # 一、主动公开情况
    LegacyRow("proactive_items", ("主动公开政府信息", "主动公开政府信息总", "主动公开信息"), "条", "一"),
    LegacyRow(
        "proactive_normative_docs",
        ("主动公开规范性文件", "公开规范性文件"),
        "条",
        "一",
        parent="proactive_items",
    ),
    LegacyRow(
        "normative_docs_issued", ("制发规范性文件", "制发规范性文件总"), "件", "一", parent="proactive_items"
    ),
    LegacyRow(
        "proactive_via_gazette",
        ("政府公报公开政府信息", "政府公报公开信息", "政府公报", "政府公报公开"),
        "条",
        "一",
    ),
    LegacyRow(
        "proactive_via_website",
        ("政府网站公开政府信息", "政府网站公开信息", "政府网站", "政府网站公开"),
        "条",
        "一",
    ),
    LegacyRow("proactive_via_weibo", ("政务微博公开政府信息", "政务微博公开信息", "政务微博"), "条", "一"),
    LegacyRow("proactive_via_wechat", ("政务微信公开政府信息", "政务微信公开信息", "政务微信"), "条", "一"),
    LegacyRow("proactive_via_other", ("其他方式公开政府信息", "其他方式公开信息", "其他方式"), "条", "一"),
    # 二、回应解读情况
    LegacyRow(
        "responses_hot_topics",
        ("回应公众关注热点或重大舆情", "回应公众关注热点或重大舆情次", "回应公众关注热点"),
        "次",
        "二",
    ),
    LegacyRow(
        "press_conferences",
        ("参加或举办新闻发布会总次", "参加或举办新闻发布会", "举办新闻发布会", "新闻发布会", "新闻发布会次"),
        "次",
        "二",
    ),
    LegacyRow(
        "press_conferences_head",
        ("主要负责同志参加新闻发布会次", "主要负责同志参加新闻发布会"),
        "次",
        "二",
        parent="press_conferences",
    ),
    LegacyRow(
        "online_interviews", ("政府网站在线访谈次", "政府网站在线访谈", "在线访谈次", "在线访谈"), "次", "二"
    ),
    LegacyRow(
        "online_interviews_head",
        (
            "主要负责同志参加政府网站在线访谈次",
            "主要负责同志参加政府网站在线访谈",
            "主要负责同志参加在线访谈次",
        ),
        "次",
        "二",
        parent="online_interviews",
    ),
    LegacyRow("policy_interpretations", ("政策解读稿件发布", "政策解读稿件", "发布政策解读稿件"), "篇", "二"),
    LegacyRow("weibo_wechat_responses", ("微博微信回应事件", "微博微信回应"), "次", "二"),
    LegacyRow("other_responses", ("其他方式回应事件", "其他方式回应"), "次", "二"),
    # 三、依申请公开情况
    LegacyRow(
        "requests_new",
        ("收到申请", "收到申请总", "收到的申请", "收到的申请总", "受理申请", "申请总"),
        "件",
        "三",
        sums_children=True,
    ),
    LegacyRow("requests_in_person", ("当面申请",), "件", "三", parent="requests_new"),
    LegacyRow("requests_fax", ("传真申请",), "件", "三", parent="requests_new"),
    LegacyRow("requests_online", ("网络申请", "网上申请"), "件", "三", parent="requests_new"),
    LegacyRow("requests_letter", ("信函申请",), "件", "三", parent="requests_new"),
    LegacyRow("requests_email", ("电子邮件申请", "电子邮件", "邮件申请"), "件", "三", parent="requests_new"),
    # A combined 信函、传真申请数 row is declared nowhere: its figure is neither channel's, so it is not read.
    LegacyRow("requests_closed", ("申请办结", "办结申请"), "件", "三", sums_children=True),
    LegacyRow("requests_closed_on_time", ("按时办结",), "件", "三", parent="requests_closed"),
    LegacyRow("requests_closed_extended", ("延期办结",), "件", "三", parent="requests_closed"),
    LegacyRow(
        "outcome_total",
        ("申请答复", "答复申请", "对申请的答复", "对申请的答复总", "答复总"),
        "件",
        "三",
        sums_children=True,
    ),
    LegacyRow(
        "outcome_already_public",
        ("属于已主动公开范围", "已主动公开范围", "属于已主动公开"),
        "件",
        "三",
        parent="outcome_total",
    ),
    LegacyRow("outcome_granted", ("同意公开答复", "同意公开"), "件", "三", parent="outcome_total"),
    LegacyRow(
        "outcome_partial",
        ("同意部分公开答复", "同意部分公开", "部分公开"),
        "件",
        "三",
        parent="outcome_total",
    ),
    LegacyRow(
        "outcome_denied",
        ("不同意公开答复", "不同意公开", "不予公开", "否决公开答复", "否决公开答复总", "否决公开"),
        "件",
        "三",
        parent="outcome_total",
        sums_children=True,
    ),
    LegacyRow("denied_state_secret", ("涉及国家秘密", "国家秘密"), "件", "三", parent="outcome_denied"),
    LegacyRow("denied_commercial_secret", ("涉及商业秘密", "商业秘密"), "件", "三", parent="outcome_denied"),
    LegacyRow("denied_privacy", ("涉及个人隐私", "个人隐私"), "件", "三", parent="outcome_denied"),
    LegacyRow(
        "denied_security_stability",
        (
            "危及国家安全,公共安全,经济安全和社会稳定",
            "危及国家安全公共安全经济安全和社会稳定",
            "危及国家安全,公共安全,经济安全或社会稳定",
        ),
        "件",
        "三",
        parent="outcome_denied",
    ),
    LegacyRow(
        "denied_not_gov_info",
        ("不是《条例》所指政府信息", "不是条例所指政府信息", "不是《条例》所指的政府信息", "不属于政府信息"),
        "件",
        "三",
        parent="outcome_denied",
    ),
    LegacyRow(
        "denied_other_legal",
        ("法律法规规定的其他情形", "法律,法规规定的其他情形"),
        "件",
        "三",
        parent="outcome_denied",
    ),
    LegacyRow(
        "outcome_not_this_agency",
        (
            "不属于本行政机关公开",
            "不属于本机关公开",
            "非本机关公开",
            "不属于本行政机关",
            "非本机关",
            "非本机关政府信息",
        ),
        "件",
        "三",
        parent="outcome_total",
    ),
    LegacyRow("unable_not_held", ("申请信息不存在", "信息不存在"), "件", "三", parent="outcome_total"),
    LegacyRow(
        "outcome_told_to_amend",
        ("告知作出更改补充", "告知作出更改,补充", "告知更改补充"),
        "件",
        "三",
        parent="outcome_total",
    ),
    LegacyRow(
        "outcome_other_channel",
        ("告知通过其他途径办理", "告知通过其他途径"),
        "件",
        "三",
        parent="outcome_total",
    ),
    # 四、行政复议 五、行政诉讼 六、举报投诉: each followed by the same three outcome rows
    LegacyRow(
        "review_total", ("政府信息公开行政复议", "行政复议", "行政复议案件"), "件", "四", sums_children=True
    ),
    LegacyRow(
        "review_upheld", ("维持具体行政行为", "维持具体行政行为或驳回"), "件", "四", parent="review_total"
    ),
    LegacyRow("review_corrected", ("被依法纠错", "依法纠错"), "件", "四", parent="review_total"),
    LegacyRow("review_other", ("其他情形",), "件", "四", parent="review_total"),
    LegacyRow(
        "litigation_total",
        ("政府信息公开行政诉讼", "行政诉讼", "行政诉讼案件"),
        "件",
        "五",
        sums_children=True,
    ),
    LegacyRow(
        "litigation_upheld",
        (
            "维持具体行政行为或者驳回原告诉讼请求",
            "维持具体行政行为或驳回原告诉讼请求",
            "维持具体行政行为",
            "维持具体行政行为或驳回",
        ),
        "件",
        "五",
        parent="litigation_total",
    ),
    LegacyRow("litigation_corrected", ("被依法纠错", "依法纠错"), "件", "五", parent="litigation_total"),
    LegacyRow("litigation_other", ("其他情形",), "件", "五", parent="litigation_total"),
    LegacyRow(
        "complaints_total",
        (
            "政府信息公开举报投诉",
            "举报投诉",
            "投诉举报",
            "接受行政申诉,举报",
            "接受行政申诉举报",
            "行政申诉,举报",
        ),
        "件",
        "六",
        sums_children=True,
    ),
    LegacyRow("complaints_upheld", ("维持具体行政行为",), "件", "六", parent="complaints_total"),
    LegacyRow(
        "complaints_corrected", ("被纠错", "被依法纠错", "依法纠错"), "件", "六", parent="complaints_total"
    ),
    LegacyRow("complaints_other", ("其他情形",), "件", "六", parent="complaints_total"),
    # 七、费用
    LegacyRow(
        "request_fees_10k_yuan",
        ("依申请公开信息收取的费用", "依申请公开信息收取费用", "收取的费用", "收取费用"),
        "万元",
        "七",
    ),
    # 八、机构建设和保障经费情况
    LegacyRow("disclosure_offices", ("政府信息公开工作专门机构", "专门机构"), "个", "八"),
    LegacyRow("reading_points", ("设置政府信息公开查阅点", "政府信息公开查阅点", "查阅点"), "个", "八"),
    LegacyRow(
        "staff_total",
        ("从事政府信息公开工作人员", "政府信息公开工作人员", "工作人员"),
        "人",
        "八",
        sums_children=True,
    ),
    LegacyRow("staff_full_time", ("专职人员", "专职"), "人", "八", parent="staff_total"),
    LegacyRow("staff_part_time", ("兼职人员", "兼职"), "人", "八", parent="staff_total"),
    LegacyRow("disclosure_budget_10k_yuan", ("政府信息公开专项经费", "专项经费"), "万元", "八"),
    # 九、政府信息公开会议和培训情况
    LegacyRow(
        "meetings",
        ("召开政府信息公开工作会议或专题会议", "召开政府信息公开工作会议", "工作会议或专题会议", "会议"),
        "次",
        "九",
    ),
    LegacyRow("trainings", ("举办各类培训班", "举办培训班", "培训班"), "次", "九"),
    LegacyRow("trainees", ("接受培训人员", "接受培训人", "受训人员", "接受培训人员人次"), "人次", "九"),
)

# Section headings, so that rows with shared labels are read in the right section.
LEGACY_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("一", ("主动公开情况",)),
    ("二", ("回应解读情况",)),
    ("三", ("依申请公开情况",)),
    ("四", ("行政复议",)),
    ("五", ("行政诉讼",)),
    ("六", ("举报投诉", "接受行政申诉,举报")),
    ("七", ("依申请公开信息收取的费用",)),
    ("八", ("机构建设和保障经费情况", "机构建设和保障经费")),
    ("九", ("政府信息公开会议和培训情况", "会议和培训情况")),
)

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[,.]|\(?[一二三四五六七八九十]+\)|\(?\d{1,2}\)|\d{1,2}[,.](?!\d)"
    r"|\d{1,2}(?:\.\d{1,2})+(?![\d.])|[①②③④⑤⑥⑦⑧⑨⑩])+"
)
# A lone digit between two characters of a label: no declared label holds one, and OCR reads a speck
# of a seal or a stain as one ('政1务微博').
_STRAY_DIGIT = re.compile(r"(?<=[\u4e00-\u9fff])\d(?=[\u4e00-\u9fff])")
_PARENTHESES = re.compile(r"\([^()]*\)")
_PREFIX = re.compile(r"^(?:其中|包括|含)[:,]?")
_SUFFIX = re.compile(r"(?:数量|数)$")
_UNIT_SUFFIX = re.compile(r"\((?:件|条|次|个|人|人次|篇|万元|元)\)$")


@functools.lru_cache(maxsize=4096)
def core_label(text: str) -> str:
    """The form row labels are declared in: '(四)其中:不同意公开答复数(件)' -> '不同意公开答复'."""
    label = _STRAY_DIGIT.sub("", compact(text))
    label = _UNIT_SUFFIX.sub("", label)
    label = _PARENTHESES.sub("", label)
    for _ in range(2):
        label = _NUMBERING.sub("", label)
        label = _PREFIX.sub("", label)
    return _SUFFIX.sub("", label.strip(":,."))
