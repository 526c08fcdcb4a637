"""Reports of the demo corpus built to trigger the copied-text and anomaly checks, so tests can prove
each planted case is found: a report repeating the agency's own text of the year before, two agencies
printing the same text in one year, and a report whose request figures are 100 times the year before.

Each planted report keeps its true figures in its truth file (the 100-fold report prints them
100-fold, consistently, so its own identities hold) and names what was planted in `planted`.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace

from metrics.demo.figures import YearFigures
from metrics.templates.standard import STD2021

# Work descriptions in the agencies' own words: no figure in them, so no statistic is read from them.
OWN_TEXT = (
    "今年我们围绕优化营商环境开设了惠企政策专栏，逐条解读减税降费措施并附办事指南。"
    "针对群众反映集中的住房保障问题，组织专人梳理历年申请材料，编制了公租房申请告知清单。"
    "在乡村振兴领域，把驻村帮扶项目的资金安排和进度按季度挂网，接受群众监督。"
)
SHARED_TEXT = (
    "本年度重点推进重大建设项目批准和实施领域信息公开，在门户网站设立项目专栏，"
    "集中发布项目审批、招标投标、征收补偿和施工进度等信息，并邀请人大代表和政协委员实地察看。"
    "同时健全政务舆情回应机制，对涉及群众切身利益的热点问题做到及时发声、解疑释惑。"
)
JUMP_FACTOR = 100

# What `planted` says in a truth file and the index.
COPY_SOURCE = "copy_source"  # the text first printed here
COPIED_OWN = "copied_own"  # repeats the agency's own text of the year before
COPIED_OTHER = "copied_other"  # prints another agency's text of the same year
JUMP = "jump_100x"


def plant(plans: list, histories: dict, seed: int) -> dict[tuple[str, int], tuple[str, str]]:
    """Choose the planted reports among the readable 2021-layout plans: (agency code, year) ->
    (what was planted, the text it prints). Different agencies for each case."""
    rng = random.Random(f"{seed}:planted")
    years: dict[str, list[int]] = defaultdict(list)
    for p in plans:
        if p.layout == STD2021 and not p.failure:
            years[p.agency.code].append(p.year)
    consecutive = sorted(code for code, ys in years.items() if any(y + 1 in ys for y in ys))

    def sizeable_jumps(code: str) -> list[int]:
        # Years that follow a report of the year before, both with requests enough (20) that the size
        # band judging them is not the noisy one of agencies with a handful of requests.
        return [
            y
            for y in years[code]
            if y - 1 in years[code]
            and min(histories[code][y].requests_new, histories[code][y - 1].requests_new) >= 20
        ]

    jump = rng.choice([code for code in consecutive if sizeable_jumps(code)])
    jump_year = max(sizeable_jumps(jump))  # the latest, so few later reports of it read as a fall
    own = rng.choice([code for code in consecutive if code != jump])
    own_year = min(y for y in years[own] if y + 1 in years[own])
    others = sorted(set(years) - {own, jump})
    first, second, shared_year = next(
        (a, b, y) for a in others for b in others if a < b for y in sorted(set(years[a]) & set(years[b]))
    )
    return {
        (own, own_year): (COPY_SOURCE, OWN_TEXT),
        (own, own_year + 1): (COPIED_OWN, OWN_TEXT),
        (first, shared_year): (COPY_SOURCE, SHARED_TEXT),
        (second, shared_year): (COPIED_OTHER, SHARED_TEXT),
        (jump, jump_year): (JUMP, ""),
    }


def scaled(figures: YearFigures) -> YearFigures:
    """The request and case figures of the year JUMP_FACTOR times over (each table still adds up)."""
    return replace(
        figures,
        requests_new=figures.requests_new * JUMP_FACTOR,
        section3={k: [v * JUMP_FACTOR for v in vs] for k, vs in figures.section3.items()},
        section4={k: v * JUMP_FACTOR for k, v in figures.section4.items()},
    )
