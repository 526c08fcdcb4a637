"""The arithmetic identities (勾稽关系) of each layout, as data.

An identity says sum(left) == sum(right). `per_column` identities hold in every requester column of
section 三; the column identity (总计 = the six requester columns) is declared by `kind="columns"`.
`kind="parts_within_total"` says the parts that are stated never add up to more than the total (left):
prose names only some parts, and this failure is certain whichever parts are missing.
Validation reads this list; so does the standard extractor when it must choose between readings
of a flattened row.
"""

from __future__ import annotations

from dataclasses import dataclass

from metrics.templates.standard import (
    BOTH,
    SECTION3_ROWS,
    SECTION4_COLUMNS,
    SECTION4_GROUPS,
    STD2019,
    STD2021,
)


@dataclass(frozen=True)
class Identity:
    code: str
    description: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    formats: tuple[str, ...]
    per_column: bool = False
    # "sum": left == right; "columns": 总计 == the requester columns, each row;
    # "parts_within_total": left >= the parts of right that were read
    kind: str = "sum"
    # Parts of right that only some tables print (a province's extra row): 0 where not printed.
    optional: tuple[str, ...] = ()


# Section 三 rows made of sub-rows, as the table prints them (the descriptions are shown to users).
_PARENTS_ZH = {
    "outcome_denied": "(三) 不予公开",
    "outcome_unable": "(四) 无法提供",
    "outcome_not_processed": "(五) 不予处理",
    "outcome_other": "(六) 其他处理",
}


def _children(parent: str, fmt: str) -> tuple[str, ...]:
    return tuple(r.metric_id for r in SECTION3_ROWS if r.parent == parent and fmt in r.formats)


def _standard_identities() -> list[Identity]:
    out = [
        Identity(
            "std_balance",
            "一 本年新收 + 二 上年结转 = (七) 总计 + 四 结转下年度",
            ("requests_new", "requests_carried_over"),
            ("outcome_total", "requests_carried_forward"),
            BOTH,
            per_column=True,
        ),
        Identity(
            "std_outcome_total",
            "(七) 总计 = (一) + (二) + (三) + (四) + (五) + (六)",
            ("outcome_total",),
            (
                "outcome_granted",
                "outcome_partial",
                "outcome_denied",
                "outcome_unable",
                "outcome_not_processed",
                "outcome_other",
            ),
            BOTH,
            per_column=True,
        ),
        Identity("std_columns", "总计 = 自然人 + 五类法人或其他组织, 每一行", (), (), BOTH, kind="columns"),
    ]
    for parent, zh in _PARENTS_ZH.items():
        for fmt in (STD2019, STD2021):
            kids = _children(parent, fmt)
            if kids:
                out.append(
                    Identity(
                        f"std_{parent}_parts", f"{zh} = 其分项之和", (parent,), kids, (fmt,), per_column=True
                    )
                )
    for group, zh in SECTION4_GROUPS:
        parts = tuple(f"{group}_{c}" for c, _ in SECTION4_COLUMNS if c != "total")
        out.append(
            Identity(
                f"std_{group}_total",
                f"{zh} 总计 = 维持 + 纠正 + 其他 + 尚未审结",
                (f"{group}_total",),
                parts,
                BOTH,
            )
        )
    return out


LEGACY_TABLE = "legacy_table"
LEGACY_PROSE = "legacy_prose"
_LEGACY_FORMATS = (LEGACY_PROSE, LEGACY_TABLE)

_CHANNELS = ("requests_in_person", "requests_fax", "requests_online", "requests_letter")
_ANSWERS = (
    "outcome_already_public",
    "outcome_granted",
    "outcome_partial",
    "outcome_denied",
    "outcome_not_this_agency",
    "unable_not_held",
    "outcome_told_to_amend",
    "outcome_other_channel",
)
_DENIAL_REASONS = (
    "denied_state_secret",
    "denied_commercial_secret",
    "denied_privacy",
    "denied_security_stability",
    "denied_not_gov_info",
    "denied_other_legal",
)
_REVIEW_RESULTS = ("review_upheld", "review_corrected", "review_other")
_LITIGATION_RESULTS = ("litigation_upheld", "litigation_corrected", "litigation_other")
_COMPLAINT_RESULTS = ("complaints_upheld", "complaints_corrected", "complaints_other")

_LEGACY_IDENTITIES = [
    Identity(
        "legacy_requests_channels",
        "收到申请数 = 当面 + 传真 + 网络 + 信函 (+ 电子邮件, 印发时)",
        ("requests_new",),
        _CHANNELS + ("requests_email",),
        (LEGACY_TABLE,),
        optional=("requests_email",),
    ),
    Identity("legacy_answers", "申请答复数 = 各答复类型之和", ("outcome_total",), _ANSWERS, (LEGACY_TABLE,)),
    Identity(
        "legacy_denied_parts",
        "不同意公开答复数 = 其中各项之和",
        ("outcome_denied",),
        _DENIAL_REASONS,
        (LEGACY_TABLE,),
    ),
    Identity(
        "legacy_review_parts",
        "行政复议数量 = 维持 + 纠错 + 其他",
        ("review_total",),
        _REVIEW_RESULTS,
        (LEGACY_TABLE,),
    ),
    Identity(
        "legacy_litigation_parts",
        "行政诉讼数量 = 维持 + 纠错 + 其他",
        ("litigation_total",),
        _LITIGATION_RESULTS,
        (LEGACY_TABLE,),
    ),
]

# The same relations judged on what is stated: prose gives a total and some of its parts, a table report
# may lack rows. Where every part was read, the equality above (same figures) judges them instead.
_WITHIN = "parts_within_total"
_LEGACY_WITHIN_IDENTITIES = [
    Identity(
        "legacy_requests_channels_within",
        "收到申请数不小于所述各渠道申请之和",
        ("requests_new",),
        _CHANNELS + ("requests_email",),
        _LEGACY_FORMATS,
        kind=_WITHIN,
        optional=("requests_email",),
    ),
    Identity(
        "legacy_answers_within",
        "已答复申请数不小于所述各答复类型之和",
        ("outcome_total",),
        _ANSWERS,
        _LEGACY_FORMATS,
        kind=_WITHIN,
    ),
    Identity(
        "legacy_denied_within",
        "不予公开数不小于所述各不予公开理由之和",
        ("outcome_denied",),
        _DENIAL_REASONS,
        _LEGACY_FORMATS,
        kind=_WITHIN,
    ),
    Identity(
        "legacy_review_within",
        "行政复议数不小于所述各复议结果之和",
        ("review_total",),
        _REVIEW_RESULTS,
        _LEGACY_FORMATS,
        kind=_WITHIN,
    ),
    Identity(
        "legacy_litigation_within",
        "行政诉讼数不小于所述各诉讼结果之和",
        ("litigation_total",),
        _LITIGATION_RESULTS,
        _LEGACY_FORMATS,
        kind=_WITHIN,
    ),
    # Rows of the table that are parts of another row but have no equality declared above.
    Identity(
        "legacy_complaints_within",
        "举报投诉数量不小于维持 + 纠错 + 其他",
        ("complaints_total",),
        _COMPLAINT_RESULTS,
        (LEGACY_TABLE,),
        kind=_WITHIN,
    ),
    Identity(
        "legacy_closed_within",
        "申请办结数不小于按时办结 + 延期办结",
        ("requests_closed",),
        ("requests_closed_on_time", "requests_closed_extended"),
        (LEGACY_TABLE,),
        kind=_WITHIN,
    ),
    Identity(
        "legacy_normative_within",
        "主动公开政府信息数不小于其中主动公开规范性文件数",
        ("proactive_items",),
        ("proactive_normative_docs",),
        (LEGACY_TABLE,),
        kind=_WITHIN,
    ),
]

IDENTITIES: tuple[Identity, ...] = tuple(
    _standard_identities() + _LEGACY_IDENTITIES + _LEGACY_WITHIN_IDENTITIES
)


def identities_for(fmt: str) -> list[Identity]:
    return [i for i in IDENTITIES if fmt in i.formats]
