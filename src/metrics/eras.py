"""Which legacy metric (2008-2018 reports) continues which standard metric (2019 on) in a trend series.

The revised Regulations (in force 15 May 2019) changed what reports count, so a series that spans
2018/2019 must say which old figure it joins to which new one. `LEGACY_SERIES` is that decision,
one line per legacy metric: the standard series it feeds (None: no counterpart, the figure is
charted within its own era only) and why. Several legacy metrics may feed one series; a chart adds
them (申请信息不存在 and 不属于本行政机关 are both 本机关不掌握相关政府信息 after 2019).
"""

from __future__ import annotations

from dataclasses import dataclass

from metrics.formats import LEGACY_PROSE, LEGACY_TABLE, STD2019, STD2021

STANDARD_FORMATS = (STD2019, STD2021)
LEGACY_FORMATS = (LEGACY_PROSE, LEGACY_TABLE)


@dataclass(frozen=True)
class Continuity:
    legacy_metric: str
    series: str | None
    why: str


LEGACY_SERIES: tuple[Continuity, ...] = (
    Continuity("requests_new", "requests_new", "收到申请数 = 本年新收政府信息公开申请数量"),
    Continuity("outcome_total", "outcome_total", "申请答复数 = 办理结果总计"),
    Continuity("outcome_granted", "outcome_granted", "同意公开答复数 = 予以公开"),
    Continuity(
        "outcome_already_public",
        "outcome_granted",
        "属于已主动公开范围 is answered by pointing to the published text, counted as 予以公开 since 2019",
    ),
    Continuity("outcome_partial", "outcome_partial", "同意部分公开答复数 = 部分公开"),
    Continuity(
        "outcome_denied",
        "outcome_denied",
        "不同意公开答复数 = 不予公开 (the grounds changed, the total did not)",
    ),
    Continuity("denied_state_secret", "denied_state_secret", "涉及国家秘密 = 属于国家秘密"),
    Continuity(
        "denied_security_stability", "denied_security_stability", "危及国家安全…社会稳定 = 危及“三安全一稳定”"
    ),
    Continuity(
        "denied_commercial_secret",
        "denied_third_party",
        "商业秘密 is one of the 第三方合法权益 protected since 2019",
    ),
    Continuity(
        "denied_privacy", "denied_third_party", "个人隐私 is one of the 第三方合法权益 protected since 2019"
    ),
    Continuity(
        "denied_other_legal", "denied_law_forbidden", "法律法规规定的其他情形 = 其他法律行政法规禁止公开"
    ),
    Continuity(
        "denied_not_gov_info",
        None,
        "不是《条例》所指政府信息 is no longer a refusal; since 2019 such requests are 不予处理 on several grounds",
    ),
    Continuity("unable_not_held", "unable_not_held", "申请信息不存在 = 本机关不掌握相关政府信息"),
    Continuity(
        "outcome_not_this_agency",
        "unable_not_held",
        "不属于本行政机关公开 is answered as 本机关不掌握相关政府信息 since 2019",
    ),
    Continuity(
        "outcome_told_to_amend",
        None,
        "告知作出更改补充 counts requests sent back for amendment; 2019 counts only those still unclear after it",
    ),
    Continuity(
        "outcome_other_channel",
        None,
        "告知通过其他途径办理 is split across several 不予处理 grounds since 2019",
    ),
    Continuity("review_total", "review_total", "行政复议数量 = 行政复议 总计"),
    Continuity("review_upheld", "review_upheld", "维持具体行政行为数 = 结果维持"),
    Continuity("review_corrected", "review_corrected", "被依法纠错数 = 结果纠正"),
    Continuity("review_other", "review_other", "其他情形数 = 其他结果"),
    Continuity("litigation_total", "litigation_total", "行政诉讼数量 = 直接起诉 + 复议后起诉"),
    Continuity(
        "litigation_upheld", None, "2019 reports split lawsuit results by direct and after-review suits"
    ),
    Continuity(
        "litigation_corrected", None, "2019 reports split lawsuit results by direct and after-review suits"
    ),
    Continuity(
        "litigation_other", None, "2019 reports split lawsuit results by direct and after-review suits"
    ),
    Continuity(
        "normative_docs_issued", "normative_issued", "制发规范性文件总数 = 规范性文件 本年制发 / 本年新制作"
    ),
    Continuity(
        "proactive_normative_docs",
        "normative_published",
        "主动公开规范性文件数 = 规范性文件 本年新公开数量 (std2019)",
    ),
    Continuity("proactive_items", None, "the standard reports give no count of all items published"),
    Continuity("requests_in_person", None, "the standard reports do not count requests by channel"),
    Continuity("requests_fax", None, "the standard reports do not count requests by channel"),
    Continuity("requests_online", None, "the standard reports do not count requests by channel"),
    Continuity("requests_letter", None, "the standard reports do not count requests by channel"),
    Continuity(
        "requests_closed",
        None,
        "申请办结数 has no row of its own since 2019 (办理结果总计 continues 申请答复数)",
    ),
    Continuity(
        "request_fees_10k_yuan",
        None,
        "fees for requests are no longer reported (2021 行政事业性收费 is another thing)",
    ),
    Continuity("complaints_total", None, "举报投诉 is not in the standard tables"),
    Continuity("press_conferences", None, "回应解读 is not in the standard tables"),
    Continuity("hearings", None, "听证 is not in the standard tables"),
    Continuity("staff_total", None, "机构建设 is not in the standard tables"),
    Continuity("trainings", None, "会议和培训 is not in the standard tables"),
)

_BY_LEGACY = {c.legacy_metric: c for c in LEGACY_SERIES}


def series_id(metric_id: str, fmt: str) -> str | None:
    """The series a figure of this metric in a report of this format belongs to; None: no cross-era series.

    Standard-format metrics are their own series. Legacy metrics not listed have no counterpart.
    """
    if fmt in STANDARD_FORMATS:
        return metric_id
    if fmt in LEGACY_FORMATS:
        continuity = _BY_LEGACY.get(metric_id)
        return continuity.series if continuity else None
    return None


def legacy_members(series: str) -> tuple[str, ...]:
    """The legacy metrics a chart adds up for this series before 2019."""
    return tuple(c.legacy_metric for c in LEGACY_SERIES if c.series == series)
