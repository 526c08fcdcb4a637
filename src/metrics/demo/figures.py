"""The true figures of a fictional agency, year by year.

An agency's history is simulated in one pass so that year-to-year links hold (上年结转 is last
year's 结转下年度, 现行有效 documents accumulate). Demand grows over the decade, jumps when the
revised Regulations take effect in 2019, and varies with the agency's level and kind; refusals stay
a small share and reviews and lawsuits are rare, as in real reports.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field

from metrics.demo.places import CITY, COUNTY, PROVINCE, TOWNSHIP, Agency
from metrics.templates.standard import REQUESTER_COLUMNS

COLUMNS = tuple(key for key, _, _ in REQUESTER_COLUMNS)  # natural_person ... other_org, total
REQUESTER_SHARES = {
    "natural_person": 0.84,
    "commercial": 0.08,
    "research": 0.006,
    "public_interest": 0.008,
    "legal_service": 0.035,
    "other_org": 0.031,
}

# Requests a year around 2010, by level; the kind of agency scales it.
_BASE_REQUESTS = {PROVINCE: 45.0, CITY: 22.0, COUNTY: 6.0, TOWNSHIP: 0.6}
_GOVERNMENT_FACTOR = {PROVINCE: 3.0, CITY: 2.5, COUNTY: 2.5, TOWNSHIP: 1.0}
_KIND_FACTOR = {
    "自然资源": 2.6,
    "住房和城乡建设": 1.6,
    "公安": 1.2,
    "人力资源和社会保障": 1.0,
    "市场监督管理": 1.0,
    "发展和改革": 0.8,
    "生态环境": 0.9,
    "卫生健康": 0.7,
    "教育": 0.6,
    "交通运输": 0.6,
    "民政": 0.7,
}
_BASE_PROACTIVE = {PROVINCE: 900.0, CITY: 500.0, COUNTY: 180.0, TOWNSHIP: 40.0}

# How a year's handled requests end, standard layouts; sub-rows split their parent's share.
STD_OUTCOMES = {
    "outcome_granted": 0.50,
    "outcome_partial": 0.08,
    "outcome_denied": 0.05,
    "outcome_unable": 0.21,
    "outcome_not_processed": 0.06,
    "outcome_other": 0.10,
}
STD_SUBROWS = {
    "outcome_denied": {
        "denied_state_secret": 0.04,
        "denied_law_forbidden": 0.1,
        "denied_security_stability": 0.04,
        "denied_third_party": 0.22,
        "denied_internal_affairs": 0.16,
        "denied_process_info": 0.26,
        "denied_enforcement_file": 0.1,
        "denied_query_matter": 0.08,
    },
    "outcome_unable": {"unable_not_held": 0.76, "unable_needs_creation": 0.14, "unable_unclear": 0.10},
    "outcome_not_processed": {
        "np_petition": 0.5,
        "np_duplicate": 0.3,
        "np_publication": 0.05,
        "np_mass_repeat": 0.1,
        "np_confirmation": 0.05,
    },
}
STD2021_OTHER_SUBROWS = {"other_no_correction": 0.5, "other_unpaid_fee": 0.04, "other_misc": 0.46}
# legacy_table 申请答复数 and the grounds of 不同意公开.
LEGACY_ANSWERS = {
    "outcome_already_public": 0.15,
    "outcome_granted": 0.45,
    "outcome_partial": 0.05,
    "outcome_denied": 0.05,
    "outcome_not_this_agency": 0.12,
    "unable_not_held": 0.12,
    "outcome_told_to_amend": 0.03,
    "outcome_other_channel": 0.03,
}
LEGACY_DENIALS = {
    "denied_state_secret": 0.05,
    "denied_commercial_secret": 0.1,
    "denied_privacy": 0.2,
    "denied_security_stability": 0.05,
    "denied_not_gov_info": 0.4,
    "denied_other_legal": 0.2,
}
CASE_RESULTS = {"upheld": 0.6, "corrected": 0.1, "other": 0.2, "pending": 0.1}


@dataclass
class YearFigures:
    """Everything a report for one year may print. `section3` holds the seven requester columns."""

    year: int
    requests_new: int
    proactive_items: int
    section3: dict[str, list[int]] = field(default_factory=dict)
    section4: dict[str, int] = field(default_factory=dict)
    section2: dict[str, float | None] = field(default_factory=dict)
    legacy: dict[str, float] = field(default_factory=dict)  # legacy_table rows, ids or plain labels


def simulate_history(agency: Agency, years: range, seed: int) -> dict[int, YearFigures]:
    """The agency's figures for every year in `years` (reports may still be missing for some)."""
    rng = random.Random(f"{seed}:{agency.code}:{agency.name}")
    demand = _BASE_REQUESTS[agency.level] * _kind_factor(agency) * rng.uniform(0.6, 1.5)
    proactive = _BASE_PROACTIVE[agency.level] * (1.6 if agency.is_government else 1.0) * rng.uniform(0.6, 1.4)
    carried = dict.fromkeys(COLUMNS, 0)
    in_force = {"rules": _poisson(rng, 12) if _makes_rules(agency) else 0, "normative": _poisson(rng, 20)}
    history = {}
    for year in years:
        expected = demand * 1.13 ** (year - 2010) * (1.35 if year >= 2019 else 1.0)
        figures = YearFigures(
            year=year,
            requests_new=_poisson(rng, expected),
            proactive_items=_poisson(rng, proactive * 1.09 ** (year - 2010)),
        )
        carried = _fill_section3(figures, carried, rng, year)
        figures.section4 = _section4(rng, expected)
        figures.section2 = _section2(agency, rng, in_force, year)
        figures.legacy = _legacy_table(agency, figures, rng, year)
        history[year] = figures
    return history


def _kind_factor(agency: Agency) -> float:
    if agency.is_government:
        return _GOVERNMENT_FACTOR[agency.level]
    return next((factor for key, factor in _KIND_FACTOR.items() if key in agency.kind), 1.0)


def _makes_rules(agency: Agency) -> bool:
    """Only provincial and city governments issue 规章."""
    return agency.is_government and agency.level in (PROVINCE, CITY)


def _poisson(rng: random.Random, mean: float) -> int:
    if mean <= 0:
        return 0
    if mean > 40:  # the normal approximation is indistinguishable here and much faster
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def _split(rng: random.Random, count: int, shares: dict[str, float]) -> dict[str, int]:
    """Deal `count` items into the categories by their shares (a multinomial draw)."""
    drawn = Counter(rng.choices(list(shares), weights=list(shares.values()), k=count))
    return {key: drawn.get(key, 0) for key in shares}


def _fill_section3(
    figures: YearFigures, carried: dict[str, int], rng: random.Random, year: int
) -> dict[str, int]:
    """Section 三 by requester column; returns what is carried into next year."""
    new = _split(rng, figures.requests_new, REQUESTER_SHARES)
    rows: dict[str, dict[str, int]] = {}
    for column in COLUMNS[:-1]:
        available = new[column] + carried[column]
        forward = sum(rng.random() < 0.05 for _ in range(min(available, 200)))
        handled = available - forward
        outcome = _split(rng, handled, STD_OUTCOMES)
        cells = {
            "requests_new": new[column],
            "requests_carried_over": carried[column],
            "requests_carried_forward": forward,
            "outcome_total": handled,
            "outcome_granted": outcome["outcome_granted"],
            "outcome_partial": outcome["outcome_partial"],
            "outcome_other": outcome["outcome_other"],
        }
        for parent, shares in STD_SUBROWS.items():
            cells[parent] = outcome[parent]
            cells.update(_split(rng, outcome[parent], shares))
        if year >= 2021:
            cells.update(_split(rng, outcome["outcome_other"], STD2021_OTHER_SUBROWS))
        rows[column] = cells
    metric_ids = list(rows["natural_person"])
    figures.section3 = {
        metric: [rows[c][metric] for c in COLUMNS[:-1]] + [sum(rows[c][metric] for c in COLUMNS[:-1])]
        for metric in metric_ids
    }
    return {c: rows[c]["requests_carried_forward"] for c in COLUMNS[:-1]}


def _section4(rng: random.Random, expected_requests: float) -> dict[str, int]:
    out = {}
    for group, rate in (("review", 0.02), ("lit_direct", 0.008), ("lit_after_review", 0.004)):
        cases = _split(rng, _poisson(rng, expected_requests * rate), CASE_RESULTS)
        for result, count in cases.items():
            out[f"{group}_{result}"] = count
        out[f"{group}_total"] = sum(cases.values())
    return out


def _section2(
    agency: Agency, rng: random.Random, in_force: dict[str, int], year: int
) -> dict[str, float | None]:
    """Section 二 figures for both standard layouts (each layout prints the ones it has)."""
    makes_rules = _makes_rules(agency)
    rules_issued = _poisson(rng, 4 if agency.level == PROVINCE else 1.5) if makes_rules else 0
    rules_abolished = min(in_force["rules"], _poisson(rng, 1)) if makes_rules else 0
    normative_issued = _poisson(rng, {PROVINCE: 14, CITY: 8, COUNTY: 4, TOWNSHIP: 1}[agency.level])
    normative_abolished = min(in_force["normative"], _poisson(rng, normative_issued * 0.4))
    in_force["rules"] += rules_issued - rules_abolished
    in_force["normative"] += normative_issued - normative_abolished
    licensing, penalty, coercion = _enforcement_volumes(agency, rng, year)
    out: dict[str, float | None] = {
        "rules_issued": rules_issued,
        "rules_published": rules_issued,
        "rules_abolished": rules_abolished,
        "rules_in_force": in_force["rules"],
        "normative_issued": normative_issued,
        "normative_published": normative_issued,
        "normative_abolished": normative_abolished,
        "normative_in_force": in_force["normative"],
        "licensing_decisions": licensing,
        "penalty_decisions": penalty,
        "coercion_decisions": coercion,
        "other_services_decisions": _poisson(rng, licensing * 0.3),
        "fees_collected_10k_yuan": round(rng.uniform(5, 900), 2) if _collects_fees(agency) else 0,
        "procurement_projects": _poisson(rng, {PROVINCE: 40, CITY: 20, COUNTY: 8, TOWNSHIP: 2}[agency.level]),
    }
    out["procurement_amount_10k_yuan"] = round(out["procurement_projects"] * rng.uniform(8, 120), 2)
    for item, decisions in (
        ("licensing", licensing),
        ("other_services", out["other_services_decisions"]),
        ("penalty", penalty),
        ("coercion", coercion),
        ("fees", 1 if _collects_fees(agency) else 0),
    ):
        last_year = _poisson(rng, 30) if decisions else 0
        out[f"{item}_items_last_year"] = last_year
        out[f"{item}_items_change"] = rng.randint(-min(3, last_year), 3) if last_year else 0
    if agency.level == TOWNSHIP:
        # Townships cannot issue 规章: their reports mark the cells as not applicable.
        for metric in ("rules_issued", "rules_published", "rules_abolished", "rules_in_force"):
            out[metric] = None
    return out


def _enforcement_volumes(agency: Agency, rng: random.Random, year: int) -> tuple[int, int, int]:
    growth = 1.05 ** (year - 2019)
    scale = {PROVINCE: 1.0, CITY: 2.0, COUNTY: 1.0, TOWNSHIP: 0.1}[agency.level]
    profiles = {
        "公安": (900, 3000, 60),
        "市场监督管理": (2500, 400, 30),
        "自然资源": (300, 60, 8),
        "生态环境": (120, 80, 12),
        "住房和城乡建设": (500, 40, 3),
        "交通运输": (700, 300, 20),
        "卫生健康": (400, 90, 2),
        "教育": (60, 2, 0),
        "人力资源和社会保障": (200, 20, 1),
    }
    licensing, penalty, coercion = next((p for key, p in profiles.items() if key in agency.kind), (5, 1, 0))
    if agency.is_government:
        licensing, penalty, coercion = (40, 3, 1)
    return tuple(_poisson(rng, value * scale * growth) for value in (licensing, penalty, coercion))


def _collects_fees(agency: Agency) -> bool:
    return any(key in agency.kind for key in ("自然资源", "公安", "市场监督管理", "住房和城乡建设"))


def _legacy_table(agency: Agency, figures: YearFigures, rng: random.Random, year: int) -> dict[str, float]:
    """The 政府信息公开情况统计表 of 2015-2018: metric ids where one exists, printed labels otherwise."""
    new = figures.requests_new
    online_share = min(0.85, 0.35 + 0.06 * (year - 2012))
    channels = _split(
        rng,
        new,
        {
            "requests_in_person": (1 - online_share) * 0.6,
            "requests_fax": 0.02,
            "requests_online": online_share,
            "requests_letter": (1 - online_share) * 0.4,
        },
    )
    pending = min(new, _poisson(rng, new * 0.03))
    closed = new - pending
    delayed = min(closed, _poisson(rng, closed * 0.04))
    answers = _split(rng, closed, LEGACY_ANSWERS)
    denials = _split(rng, answers["outcome_denied"], LEGACY_DENIALS)
    normative = _poisson(rng, 10 if agency.is_government else 4)
    out: dict[str, float] = {
        "proactive_items": figures.proactive_items,
        "proactive_normative_docs": normative,
        "制发规范性文件总数": normative + _poisson(rng, 1),
        "政府公报公开政府信息数": _poisson(rng, figures.proactive_items * 0.05)
        if agency.is_government
        else 0,
        "政府网站公开政府信息数": round(figures.proactive_items * 0.8),
        "政务微博公开政府信息数": _poisson(rng, figures.proactive_items * 0.3),
        "政务微信公开政府信息数": _poisson(rng, figures.proactive_items * 0.25 * (year - 2013) / 4),
        "其他方式公开政府信息数": _poisson(rng, figures.proactive_items * 0.1),
        "回应公众关注热点或重大舆情数": _poisson(rng, 12),
        "press_conferences": _poisson(rng, 6 if agency.is_government else 2),
        "政府网站在线访谈次数": _poisson(rng, 3),
        "政策解读稿件发布数": _poisson(rng, 20),
        "微博微信回应事件数": _poisson(rng, 8),
        "requests_new": new,
        **channels,
        "requests_closed": closed,
        "按时办结数": closed - delayed,
        "延期办结数": delayed,
        "outcome_total": closed,
        **answers,
        **denials,
        "complaints_total": _poisson(rng, 0.4),
        "request_fees_10k_yuan": 0,
        "政府信息公开工作专门机构数": 1,
        "设置政府信息公开查阅点数": rng.randint(1, 6),
        "staff_total": rng.randint(2, 9),
        "政府信息公开专项经费": round(rng.uniform(0.5, 30), 1),
        "召开政府信息公开工作会议或专题会议数": rng.randint(1, 6),
        "trainings": rng.randint(0, 5),
        "接受培训人员数": rng.randint(10, 300),
    }
    out["主要负责同志参加新闻发布会次数"] = rng.randint(0, int(out["press_conferences"]))
    for group, parts in (
        ("review", ("upheld", "corrected", "other")),
        ("litigation", ("upheld", "corrected", "other")),
    ):
        cases = _split(
            rng,
            _poisson(rng, new * (0.02 if group == "review" else 0.01)),
            {part: CASE_RESULTS[part] for part in parts},
        )
        out.update({f"{group}_{part}": count for part, count in cases.items()})
        out[f"{group}_total"] = sum(cases.values())
    return out
