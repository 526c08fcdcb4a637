"""Where a region printed without its province sits (广州市 -> 广东省广州市), from the national
gazetteer of administrative divisions (cpca, which ships the official division codes table): a hand
table of the 300-odd prefecture-level cities would need keeping up with every change of divisions.

Only a leading prefecture-level city (市, 自治州, 地区, 盟) or county-level 市 is looked up, since those
names are unique in the country; a district or county name (朝阳区, 鼓楼区) is not, and cpca would
guess one of several, so such a region is left as printed (a person's directory entry can place it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd

from metrics.extract.metadata import PROVINCE_UNIT

# A leading city: a prefecture-level unit (市, 自治州, 地区, 盟) or a county-level 市.
_LEADING_CITY = re.compile(r"^(.{2,8}?(?:市|自治州|地区|盟))")


def gazetteer_path(region: str) -> str:
    """The region with the places above it the name leaves out (云浮市 -> 广东省云浮市); the region
    as printed when it names its province or its first unit is not a city the gazetteer knows."""
    if not region or PROVINCE_UNIT.match(region):
        return region
    m = _LEADING_CITY.match(region)
    if m is None:
        return region
    return _parents_of_city(m.group(1)) + region


@functools.cache
def _parents_of_city(city: str) -> str:
    """The province (and, for a county-level city, the prefecture) of a city name; '' if unknown."""
    import cpca  # loads the national division table (half a second), only when a region needs it

    found = cpca.transform([city]).iloc[0]
    province, prefecture, county = (str(v) if pd.notna(v) else "" for v in found[["省", "市", "区"]])
    if prefecture == city:
        return province
    if county == city and prefecture and prefecture != "市辖区":
        return province + prefecture
    return ""


def region_paths(regions: Iterable[str]) -> list[tuple[str, str]]:
    """(region as stored, its full path) for every region, for the snapshot's region_paths table."""
    return [(r, gazetteer_path(r)) for r in sorted(set(regions)) if r]
