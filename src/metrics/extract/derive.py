"""Figures computed from printed ones, the same way for every layout (marked derived)."""

from __future__ import annotations

from metrics import formats
from metrics.models import TOTAL, Fact
from metrics.templates.standard import ORGANISATION_COLUMNS


def derived_facts(facts: list[Fact], fmt: str) -> list[Fact]:
    by_key = {(f.metric_id, f.column): f for f in facts}
    out: list[Fact] = []

    def value(metric_id: str, column: str = TOTAL) -> float | None:
        f = by_key.get((metric_id, column))
        return None if f is None else f.value

    def add(metric_id: str, v: float, evidence: str) -> None:
        if (metric_id, TOTAL) not in by_key:
            out.append(Fact(metric_id, v, evidence=evidence, derived=True))

    if fmt in (formats.STD2019, formats.STD2021) and value("requests_new") == 0:
        # No request at all ('未收到政府信息公开申请'): none from either kind of requester, as the table's
        # columns add up to its 总计.
        add("requests_new_natural_person", 0, "本年新收 总计为0")
        add("requests_new_legal_person", 0, "本年新收 总计为0")
    natural = value("requests_new", "natural_person")
    if natural is not None:
        add("requests_new_natural_person", natural, "本年新收 · 自然人")
    orgs = [value("requests_new", c) for c in ORGANISATION_COLUMNS]
    if all(v is not None for v in orgs):
        add("requests_new_legal_person", sum(orgs), "本年新收 · 法人或其他组织 (五列之和)")
    full_time, part_time = value("staff_full_time"), value("staff_part_time")
    if full_time is not None and part_time is not None:
        add("staff_total", full_time + part_time, "专职人员 + 兼职人员")
    direct, after = value("lit_direct_total"), value("lit_after_review_total")
    if direct is not None and after is not None:
        add("litigation_total", direct + after, "未经复议直接起诉 总计 + 复议后起诉 总计")
    return out
