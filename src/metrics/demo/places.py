"""Fictional regions and agencies for the demo corpus; no name here is a real place.

The hand-made catalogue gives the demo a readable cast (青岚省, 云川市, 石桥县, 东湖镇 ...); for
benchmark corpora of any size, `synthetic_agencies` invents more counties and townships from
syllables chosen to be unlike real place names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

PROVINCE, CITY, COUNTY, TOWNSHIP = "province", "city", "county", "township"
LEVELS = (PROVINCE, CITY, COUNTY, TOWNSHIP)


@dataclass(frozen=True)
class Agency:
    code: str  # stable short id used in file names, e.g. "a07"
    name: str  # as printed in titles: 云川市教育局, 石桥县东湖镇人民政府
    region: str  # the full administrative path: 青岚省云川市石桥县东湖镇
    level: str  # the administrative level of the region: province | city | county | township
    kind: str  # 人民政府, 教育局, 街道办事处 ...: what sort of body, without the region
    first_year: int = 2008  # the first year it reported (townships went online later)

    @property
    def is_government(self) -> bool:
        return self.kind in ("人民政府", "街道办事处")

    @property
    def metadata_level(self) -> str:
        """The level as metadata.region_and_level names it: departments get a `_department` suffix."""
        return self.level if self.is_government else f"{self.level}_department"


@dataclass(frozen=True)
class Region:
    name: str  # the unit's own name: 云川市
    path: str  # with its parents: 青岚省云川市
    level: str


# Department names differ by level: provinces have 厅, cities and counties 局; county health is a 局.
_PROVINCE_DEPARTMENTS = (
    "发展和改革委员会",
    "公安厅",
    "自然资源厅",
    "生态环境厅",
    "教育厅",
    "卫生健康委员会",
    "市场监督管理局",
    "人力资源和社会保障厅",
)
_CITY_DEPARTMENTS = (
    "发展和改革委员会",
    "公安局",
    "自然资源局",
    "生态环境局",
    "教育局",
    "卫生健康委员会",
    "市场监督管理局",
    "人力资源和社会保障局",
    "住房和城乡建设局",
    "交通运输局",
    "民政局",
)
_COUNTY_DEPARTMENTS = (
    "公安局",
    "教育局",
    "卫生健康局",
    "市场监督管理局",
    "自然资源局",
    "人力资源和社会保障局",
)

PROVINCE_REGION = Region("青岚省", "青岚省", PROVINCE)
_CITIES = (Region("云川市", "青岚省云川市", CITY), Region("临澜市", "青岚省临澜市", CITY))
_COUNTIES = (
    Region("石桥县", "青岚省云川市石桥县", COUNTY),
    Region("澜湾区", "青岚省云川市澜湾区", COUNTY),
    Region("鹤鸣县", "青岚省临澜市鹤鸣县", COUNTY),
)
# (county, township, printed with the county prefix?)
_TOWNSHIPS = (
    ("石桥县", "东湖镇", False),
    ("石桥县", "青苇镇", True),
    ("石桥县", "芦汀乡", False),
    ("澜湾区", "望月街道", False),
    ("澜湾区", "栖凤街道", True),
    ("鹤鸣县", "柳塘镇", True),
    ("鹤鸣县", "翠屏乡", False),
)


def catalogue() -> list[Agency]:
    """Every hand-made agency, interleaved by level so that any prefix keeps all four levels."""
    by_level = {level: [] for level in LEVELS}
    by_level[PROVINCE] = _region_agencies(PROVINCE_REGION, _PROVINCE_DEPARTMENTS, first_year=2008)
    for city in _CITIES:
        by_level[CITY] += _region_agencies(city, _CITY_DEPARTMENTS, first_year=2008)
    for county in _COUNTIES:
        by_level[COUNTY] += _region_agencies(county, _COUNTY_DEPARTMENTS, first_year=2009)
    by_level[TOWNSHIP] = [_township(*row) for row in _TOWNSHIPS]
    mixed = [a for group in itertools.zip_longest(*by_level.values()) for a in group if a is not None]
    return [_with_code(agency, n) for n, agency in enumerate(mixed, start=1)]


def _region_agencies(region: Region, departments: tuple[str, ...], first_year: int) -> list[Agency]:
    government = Agency("", f"{region.name}人民政府", region.path, region.level, "人民政府", first_year)
    return [government] + [
        Agency("", region.name + kind, region.path, region.level, kind, first_year) for kind in departments
    ]


def _township(county_name: str, township: str, with_county: bool) -> Agency:
    county = next(c for c in _COUNTIES if c.name == county_name)
    kind = "街道办事处" if township.endswith("街道") else "人民政府"
    printed = township + ("办事处" if kind == "街道办事处" else "人民政府")
    name = county.name + printed if with_county else printed
    return Agency("", name, county.path + township, TOWNSHIP, kind, first_year=2011)


def _with_code(agency: Agency, number: int) -> Agency:
    return Agency(f"a{number:03d}", agency.name, agency.region, agency.level, agency.kind, agency.first_year)


# Rare first syllables keep invented names away from real counties and townships.
_FIRST = "霁岚澜汀苇栖琅翠黛蘅芷璃珩琮瑶"
_SECOND = "川桥湾源岭泉坪洲汀渚溪屿"


def synthetic_agencies() -> Iterator[Agency]:
    """An endless supply of fictional county departments and townships, for benchmark corpora."""
    numbers = itertools.count(1)
    for first, second in itertools.product(_FIRST, _SECOND):
        county = Region(f"{first}{second}县", f"{PROVINCE_REGION.path}霁云市{first}{second}县", COUNTY)
        for agency in _region_agencies(county, _COUNTY_DEPARTMENTS, first_year=2009):
            yield Agency(
                f"s{next(numbers):05d}",
                agency.name,
                agency.region,
                agency.level,
                agency.kind,
                agency.first_year,
            )
        for suffix in ("镇", "乡"):
            township = f"{second}{first}{suffix}"
            yield Agency(
                f"s{next(numbers):05d}",
                f"{county.name}{township}人民政府",
                county.path + township,
                TOWNSHIP,
                "人民政府",
                first_year=2011,
            )
